import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lineage of units across tree versions, kept from the registry's events: a scope or a view of
 * a former district maps onto the units that replaced it. Generated from the entities.
 */
export class KpiUnitLineageTable implements MigrationInterface {
  readonly name = 'KpiUnitLineage1796303838298';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "kpi_unit_lineage" ("tree_version" text NOT NULL, "code" text NOT NULL, "predecessor_tree_version" text NOT NULL, "predecessor_code" text NOT NULL, "relation" text NOT NULL, CONSTRAINT "kpi_unit_lineage_pkey" PRIMARY KEY ("tree_version", "code", "predecessor_tree_version", "predecessor_code"))',
    );
    await runner.query(
      'CREATE INDEX "kpi_unit_lineage_successors" ON "kpi_unit_lineage"  ("predecessor_tree_version", "predecessor_code") ',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."kpi_unit_lineage_successors"');
    await runner.query('DROP TABLE "kpi_unit_lineage"');
  }
}
