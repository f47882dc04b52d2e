import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The KPI service's first schema: the delta ledger (ADR 0026), its rollup cells, the facts kept to
 * turn corrections and registry changes into deltas, targets, statistics, the last values
 * published, and the unit trees. Generated from the entities, plus the GIN index that lets explain
 * and knownAt find a unit's deltas without scanning the ledger.
 */
export class KpiSchema implements MigrationInterface {
  readonly name = 'KpiSchema1796300930964';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "kpi_unit_trees" ("tree_version" text NOT NULL, "effective_from" date NOT NULL, CONSTRAINT "kpi_unit_trees_pkey" PRIMARY KEY ("tree_version"))',
    );
    await runner.query(
      'CREATE TABLE "kpi_units" ("tree_version" text NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "level" integer NOT NULL, "parent_code" text, "origin" text NOT NULL, "path" text array NOT NULL, CONSTRAINT "kpi_units_pkey" PRIMARY KEY ("tree_version", "code"))',
    );
    await runner.query('CREATE INDEX "kpi_units_children" ON "kpi_units"  ("tree_version", "parent_code") ');
    await runner.query(
      'CREATE TABLE "kpi_deltas" ("id" BIGSERIAL NOT NULL, "units" text array NOT NULL, "metric" text NOT NULL, "day" date NOT NULL, "delta" bigint NOT NULL, "source_event_id" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "kpi_deltas_pkey" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE INDEX "kpi_deltas_units" ON "kpi_deltas" USING gin ("units")');
    await runner.query(
      'CREATE TABLE "kpi_rollups" ("unit_code" text NOT NULL, "metric" text NOT NULL, "period" text NOT NULL, "period_kind" text NOT NULL, "value" bigint NOT NULL, CONSTRAINT "kpi_rollups_pkey" PRIMARY KEY ("unit_code", "metric", "period"))',
    );
    await runner.query(
      'CREATE TABLE "kpi_activity_facts" ("activity_id" uuid NOT NULL, "kind" text NOT NULL, "residents_helped" integer NOT NULL, "place_path" text array NOT NULL, "day" date NOT NULL, "voided" boolean NOT NULL, CONSTRAINT "kpi_activity_facts_pkey" PRIMARY KEY ("activity_id"))',
    );
    await runner.query(
      'CREATE TABLE "kpi_orphan_changes" ("event_id" text NOT NULL, "activity_id" uuid NOT NULL, "type" text NOT NULL, CONSTRAINT "kpi_orphan_changes_pkey" PRIMARY KEY ("event_id"))',
    );
    await runner.query(
      'CREATE TABLE "kpi_teams" ("team_id" uuid NOT NULL, "path" text array NOT NULL, "active" boolean NOT NULL, CONSTRAINT "kpi_teams_pkey" PRIMARY KEY ("team_id"))',
    );
    await runner.query(
      'CREATE TABLE "kpi_team_members" ("team_id" uuid NOT NULL, "member_id" uuid NOT NULL, CONSTRAINT "kpi_team_members_pkey" PRIMARY KEY ("team_id", "member_id"))',
    );
    await runner.query('CREATE INDEX "kpi_team_members_member" ON "kpi_team_members"  ("member_id") ');
    await runner.query(
      'CREATE TABLE "kpi_trained_members" ("member_id" uuid NOT NULL, CONSTRAINT "kpi_trained_members_pkey" PRIMARY KEY ("member_id"))',
    );
    await runner.query(
      'CREATE TABLE "kpi_villages" ("code" text NOT NULL, "path" text array NOT NULL, "active_teams" integer NOT NULL, CONSTRAINT "kpi_villages_pkey" PRIMARY KEY ("code"))',
    );
    await runner.query(
      'CREATE TABLE "kpi_targets" ("unit_code" text NOT NULL, "metric" text NOT NULL, "period" text NOT NULL, "unit_path" text array NOT NULL, "value" bigint NOT NULL, "assigned_by" text NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "kpi_targets_pkey" PRIMARY KEY ("unit_code", "metric", "period"))',
    );
    await runner.query(
      'CREATE TABLE "kpi_statistics" ("unit_code" text NOT NULL, "statistic" text NOT NULL, "as_of" date NOT NULL, "value" bigint NOT NULL, "source" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "kpi_statistics_pkey" PRIMARY KEY ("unit_code", "statistic", "as_of"))',
    );
    // Revisions order published values: the relay sends in transaction-id order, not commit order.
    await runner.query('CREATE SEQUENCE "kpi_revisions"');
    await runner.query(
      'CREATE TABLE "kpi_published" ("unit_code" text NOT NULL, "indicator_id" text NOT NULL, "period" text NOT NULL, "version" integer NOT NULL, "figures" text NOT NULL, CONSTRAINT "kpi_published_pkey" PRIMARY KEY ("unit_code", "indicator_id", "period"))',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "kpi_published"');
    await runner.query('DROP SEQUENCE "kpi_revisions"');
    await runner.query('DROP TABLE "kpi_statistics"');
    await runner.query('DROP TABLE "kpi_targets"');
    await runner.query('DROP TABLE "kpi_villages"');
    await runner.query('DROP TABLE "kpi_trained_members"');
    await runner.query('DROP INDEX "public"."kpi_team_members_member"');
    await runner.query('DROP TABLE "kpi_team_members"');
    await runner.query('DROP TABLE "kpi_teams"');
    await runner.query('DROP TABLE "kpi_orphan_changes"');
    await runner.query('DROP TABLE "kpi_activity_facts"');
    await runner.query('DROP TABLE "kpi_rollups"');
    await runner.query('DROP INDEX "public"."kpi_deltas_units"');
    await runner.query('DROP TABLE "kpi_deltas"');
    await runner.query('DROP INDEX "public"."kpi_units_children"');
    await runner.query('DROP TABLE "kpi_units"');
    await runner.query('DROP TABLE "kpi_unit_trees"');
  }
}
