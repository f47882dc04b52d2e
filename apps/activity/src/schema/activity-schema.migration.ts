// The activity service's own tables beside its event store: the replica of the registry (filled
// from its public events, never by calling it) and the campaigns read model. IF NOT EXISTS, in
// this first migration only, adopts a database laid out by the release before migrations were
// versioned; every later change is a migration of its own.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const statements = [
  `CREATE TABLE IF NOT EXISTS replica_unit_trees (tree_version text PRIMARY KEY, effective_from date NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS replica_units (
     tree_version text NOT NULL,
     code text NOT NULL,
     level integer NOT NULL,
     parent_code text,
     origin text NOT NULL,
     path text[] NOT NULL,
     PRIMARY KEY (tree_version, code)
   )`,
  `CREATE TABLE IF NOT EXISTS replica_teams (
     team_id uuid PRIMARY KEY,
     status text NOT NULL,
     tree_version text NOT NULL,
     unit_code text NOT NULL,
     unit_path text[] NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS replica_team_members (
     team_id uuid NOT NULL,
     member_id uuid NOT NULL,
     PRIMARY KEY (team_id, member_id)
   )`,
  `CREATE TABLE IF NOT EXISTS rm_campaigns (
     campaign_id uuid PRIMARY KEY,
     name text NOT NULL,
     starts_on date NOT NULL,
     ends_on date NOT NULL,
     tree_version text NOT NULL,
     unit_codes text[] NOT NULL,
     target jsonb
   )`,
];

export class ActivitySchema implements MigrationInterface {
  readonly name = 'ActivitySchema1796256000001';

  async up(runner: QueryRunner): Promise<void> {
    // An instance of the previous release starting right now runs the same DDL under this lock.
    await runner.query(`SELECT pg_advisory_xact_lock(hashtext('nhip.activity.migrate'))`);
    for (const sql of statements) await runner.query(sql);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The first migration adopts existing data: it is not reverted.'));
  }
}
