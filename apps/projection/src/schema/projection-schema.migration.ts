import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projection's first schema: the registry replica it checks scope against (the shared tables of
 * libs/registry-replica), units' names, the latest value of each indicator, and the change log the
 * streams read and resume from with its retention horizon (ADR 0029). Generated from the entities.
 */
export class ProjectionSchema implements MigrationInterface {
  readonly name = 'ProjectionSchema1796310383898';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "replica_unit_trees" ("tree_version" text NOT NULL, "effective_from" date NOT NULL, CONSTRAINT "replica_unit_trees_pkey" PRIMARY KEY ("tree_version"))',
    );
    await runner.query(
      'CREATE TABLE "replica_units" ("tree_version" text NOT NULL, "code" text NOT NULL, "level" integer NOT NULL, "parent_code" text, "origin" text NOT NULL, "path" text array NOT NULL, CONSTRAINT "replica_units_pkey" PRIMARY KEY ("tree_version", "code"))',
    );
    await runner.query(
      'CREATE TABLE "replica_unit_lineage" ("tree_version" text NOT NULL, "code" text NOT NULL, "predecessor_tree_version" text NOT NULL, "predecessor_code" text NOT NULL, CONSTRAINT "replica_unit_lineage_pkey" PRIMARY KEY ("tree_version", "code", "predecessor_tree_version", "predecessor_code"))',
    );
    await runner.query(
      'CREATE INDEX "replica_unit_lineage_successors" ON "replica_unit_lineage"  ("predecessor_tree_version", "predecessor_code") ',
    );
    await runner.query(
      'CREATE TABLE "replica_teams" ("team_id" uuid NOT NULL, "status" text NOT NULL, "tree_version" text NOT NULL, "unit_code" text NOT NULL, "unit_path" text array NOT NULL, CONSTRAINT "replica_teams_pkey" PRIMARY KEY ("team_id"))',
    );
    await runner.query(
      'CREATE TABLE "replica_team_members" ("team_id" uuid NOT NULL, "member_id" uuid NOT NULL, CONSTRAINT "replica_team_members_pkey" PRIMARY KEY ("team_id", "member_id"))',
    );
    await runner.query(
      'CREATE TABLE "projection_unit_names" ("tree_version" text NOT NULL, "code" text NOT NULL, "name" text NOT NULL, CONSTRAINT "projection_unit_names_pkey" PRIMARY KEY ("tree_version", "code"))',
    );
    await runner.query(
      'CREATE TABLE "projection_values" ("unit_code" text NOT NULL, "indicator_id" text NOT NULL, "period" text NOT NULL, "revision" numeric NOT NULL, "data" jsonb NOT NULL, CONSTRAINT "projection_values_pkey" PRIMARY KEY ("unit_code", "indicator_id", "period"))',
    );
    await runner.query(
      'CREATE TABLE "projection_changes" ("seq" BIGSERIAL NOT NULL, "unit_code" text NOT NULL, "period" text NOT NULL, "path" text array NOT NULL, "data" jsonb NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "projection_changes_pkey" PRIMARY KEY ("seq"))',
    );
    await runner.query('CREATE INDEX "projection_changes_at" ON "projection_changes"  ("at") ');
    await runner.query(
      'CREATE TABLE "projection_change_horizon" ("id" integer NOT NULL, "pruned_through" bigint NOT NULL, CONSTRAINT "projection_change_horizon_pkey" PRIMARY KEY ("id"))',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "projection_change_horizon"');
    await runner.query('DROP INDEX "public"."projection_changes_at"');
    await runner.query('DROP TABLE "projection_changes"');
    await runner.query('DROP TABLE "projection_values"');
    await runner.query('DROP TABLE "projection_unit_names"');
    await runner.query('DROP TABLE "replica_team_members"');
    await runner.query('DROP TABLE "replica_teams"');
    await runner.query('DROP INDEX "public"."replica_unit_lineage_successors"');
    await runner.query('DROP TABLE "replica_unit_lineage"');
    await runner.query('DROP TABLE "replica_units"');
    await runner.query('DROP TABLE "replica_unit_trees"');
  }
}
