import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The replica keeps the registry's lineage so that a sign-in scoped to a unit of one tree covers
 * what that unit became in the next (a 2024 district → its communes' 2025 successors; ADR 0022).
 * Generated from the entities. Lineage recorded before this release was consumed and dropped:
 * such a database gets it again by replaying public.registry.unit.v1 (reset the replica's group).
 */
export class ReplicaUnitLineageTable implements MigrationInterface {
  readonly name = 'ReplicaUnitLineage1796300808587';

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
