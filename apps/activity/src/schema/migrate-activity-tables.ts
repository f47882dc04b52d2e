// The activity service's own tables beside its event store: the replica of the registry (filled
// from its public events, never by calling it) and the campaigns read model.
import { migrate } from '@nhip/postgres';
import type pg from 'pg';

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

export async function migrateActivityTables(pool: pg.Pool): Promise<void> {
  await migrate(pool, 'nhip.activity.migrate', statements);
}
