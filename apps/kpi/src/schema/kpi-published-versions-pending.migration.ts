import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A pass that publishes an indicator's values again names itself on the indicator's record while it
 * runs (`pending_pass`), and settles the record at its end only if that name is still there (ADR 0063
 * addendum). A value an instance on the previous catalog publishes meanwhile, at a key the pass has
 * already read, drops the record; so the pass cannot settle it, and the next check reads again.
 * Records made before this are settled: the column is null.
 */
export class KpiPublishedVersionsPending implements MigrationInterface {
  readonly name = 'KpiPublishedVersionsPending1796900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "kpi_published_versions" ADD "pending_pass" uuid');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "kpi_published_versions" DROP COLUMN "pending_pass"');
  }
}
