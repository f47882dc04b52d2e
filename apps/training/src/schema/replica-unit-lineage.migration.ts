import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shared registry replica keeps the registry's lineage, so that a sign-in scoped to a unit of
 * one tree covers what it became in the next (ADR 0022); training consumes the same unit events as
 * activity and needs the same table. Generated from the entities.
 */
export class ReplicaUnitLineage implements MigrationInterface {
  readonly name = 'ReplicaUnitLineage1796342400002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "replica_unit_lineage" ("tree_version" text NOT NULL, "code" text NOT NULL, "predecessor_tree_version" text NOT NULL, "predecessor_code" text NOT NULL, CONSTRAINT "replica_unit_lineage_pkey" PRIMARY KEY ("tree_version", "code", "predecessor_tree_version", "predecessor_code"))',
    );
    await runner.query(
      'CREATE INDEX "replica_unit_lineage_successors" ON "replica_unit_lineage"  ("predecessor_tree_version", "predecessor_code") ',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."replica_unit_lineage_successors"');
    await runner.query('DROP TABLE "replica_unit_lineage"');
  }
}
