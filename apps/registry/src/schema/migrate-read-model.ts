// The registry's own tables beside the event store: read models (rebuilt from events) and the
// personal-data table, which is not derived from events and is the only place names live.
import { migrate } from '@nhip/postgres';
import type pg from 'pg';

const statements = [
  `CREATE TABLE IF NOT EXISTS rm_unit_trees (
     tree_version text PRIMARY KEY,
     effective_from date NOT NULL
   )`,
  // path: codes from the province down to the unit; path[level] is the unit itself, so a subtree
  // is "path[level of root] = root" and a rollup to any level is a GROUP BY on one array element.
  `CREATE TABLE IF NOT EXISTS rm_units (
     tree_version text NOT NULL,
     code text NOT NULL,
     name text NOT NULL,
     type text NOT NULL,
     level integer NOT NULL,
     parent_code text,
     origin text NOT NULL,
     path text[] NOT NULL DEFAULT '{}',
     PRIMARY KEY (tree_version, code)
   )`,
  `CREATE INDEX IF NOT EXISTS rm_units_children ON rm_units (tree_version, parent_code)`,
  `CREATE INDEX IF NOT EXISTS rm_units_subtree ON rm_units USING gin (path)`,
  `CREATE TABLE IF NOT EXISTS rm_unit_lineage (
     tree_version text NOT NULL,
     code text NOT NULL,
     predecessor_tree_version text NOT NULL,
     predecessor_code text NOT NULL,
     relation text NOT NULL,
     PRIMARY KEY (tree_version, code, predecessor_tree_version, predecessor_code)
   )`,
  `CREATE INDEX IF NOT EXISTS rm_unit_lineage_successors
     ON rm_unit_lineage (predecessor_tree_version, predecessor_code)`,
  `CREATE TABLE IF NOT EXISTS rm_teams (
     team_id uuid PRIMARY KEY,
     name text NOT NULL,
     team_type text NOT NULL,
     status text NOT NULL,
     tree_version text NOT NULL,
     unit_code text NOT NULL,
     unit_path text[] NOT NULL,
     decision_number text NOT NULL,
     decision_date date NOT NULL,
     leader_id uuid,
     registered_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS rm_teams_subtree ON rm_teams USING gin (unit_path)`,
  `CREATE TABLE IF NOT EXISTS rm_team_members (
     team_id uuid NOT NULL,
     member_id uuid NOT NULL,
     role text NOT NULL,
     affiliation text NOT NULL,
     PRIMARY KEY (team_id, member_id)
   )`,
  `CREATE TABLE IF NOT EXISTS member_personal_data (
     member_id uuid PRIMARY KEY,
     full_name text,
     phone text,
     birth_year integer,
     registered_at timestamptz NOT NULL,
     erased_at timestamptz
   )`,
  // Who read or changed whose personal data, when and why (Law 91/2025 on personal data).
  `CREATE TABLE IF NOT EXISTS personal_data_audit (
     id bigserial PRIMARY KEY,
     member_id uuid NOT NULL,
     action text NOT NULL,
     actor text NOT NULL,
     reason text,
     at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX IF NOT EXISTS personal_data_audit_member ON personal_data_audit (member_id, at)`,
];

export async function migrateReadModel(pool: pg.Pool): Promise<void> {
  await migrate(pool, 'nhip.registry.migrate', statements);
}
