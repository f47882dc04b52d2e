import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How each lineage link went (`full`: the whole older unit into the newer one; `partial`: split
 * between several), so a new unit's scope in the older tree keeps only what went into it whole
 * (ADR 0022, addendum of 2026-12-05). Null on rows consumed before this release: the next
 * migration (ReplicaLineageRelationFilled) counts it from the links.
 */
export class ReplicaLineageRelation implements MigrationInterface {
  readonly name = 'ReplicaLineageRelation1796500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "replica_unit_lineage" ADD "relation" text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "replica_unit_lineage" DROP COLUMN "relation"');
  }
}
