import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Named groupings of units, the read model of their `GroupingDefined` events (ADR 0033). */
export class KpiGroupingsTable implements MigrationInterface {
  readonly name = 'KpiGroupings1796390238298';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "kpi_groupings" ("code" text NOT NULL, "name" text NOT NULL, "tree_version" text NOT NULL, "units" text array NOT NULL, "defined_by" text NOT NULL, "defined_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "kpi_groupings_pkey" PRIMARY KEY ("code"))',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "kpi_groupings"');
  }
}
