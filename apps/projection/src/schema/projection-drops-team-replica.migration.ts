import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projection keeps the registry's units only: scope is checked against paths and lineage, and
 * coverage is read from the KPI service's `villages_with_active_team` (ADR 0061 addendum), so the
 * teams and memberships it copied from the registry's team topic were written and never read. It no
 * longer follows that topic; its two tables go. `down` gives them back empty: a previous release
 * would fill them again only from a replay of the topic.
 */
export class ProjectionDropsTeamReplica implements MigrationInterface {
  readonly name = 'ProjectionDropsTeamReplica1796800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS "replica_team_members"');
    await runner.query('DROP TABLE IF EXISTS "replica_teams"');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "replica_teams" ("team_id" uuid NOT NULL, "status" text NOT NULL, "tree_version" text NOT NULL, "unit_code" text NOT NULL, "unit_path" text array NOT NULL, CONSTRAINT "replica_teams_pkey" PRIMARY KEY ("team_id"))',
    );
    await runner.query(
      'CREATE TABLE "replica_team_members" ("team_id" uuid NOT NULL, "member_id" uuid NOT NULL, CONSTRAINT "replica_team_members_pkey" PRIMARY KEY ("team_id", "member_id"))',
    );
  }
}
