import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An indicator's row says that every value published for it was computed with that version of its
 * formula (ADR 0063). At start and every minute the service compares it with the catalog in force, so
 * a check with an unchanged catalog costs one small read, not a scan of every published value. The backfill records
 * an indicator whose published values all carry one version; one with none, or with several, is
 * left for the service's first check to put right.
 */
export class KpiPublishedVersions implements MigrationInterface {
  readonly name = 'KpiPublishedVersions1796800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "kpi_published_versions" ("indicator_id" text NOT NULL, "version" integer NOT NULL,
         CONSTRAINT "kpi_published_versions_pkey" PRIMARY KEY ("indicator_id"))`,
    );
    await runner.query(
      `INSERT INTO "kpi_published_versions"
       SELECT indicator_id, min(version) FROM "kpi_published"
        GROUP BY indicator_id HAVING min(version) = max(version)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "kpi_published_versions"');
  }
}
