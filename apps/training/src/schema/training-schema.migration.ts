// The training service's tables beside its event store: the replica of the registry (filled from
// its public events, never by calling it) and the read models of courses, sessions and attendance.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const statements = [
  `CREATE TABLE replica_unit_trees (tree_version text PRIMARY KEY, effective_from date NOT NULL)`,
  `CREATE TABLE replica_units (
     tree_version text NOT NULL,
     code text NOT NULL,
     level integer NOT NULL,
     parent_code text,
     origin text NOT NULL,
     path text[] NOT NULL,
     PRIMARY KEY (tree_version, code)
   )`,
  `CREATE TABLE replica_teams (
     team_id uuid PRIMARY KEY,
     status text NOT NULL,
     tree_version text NOT NULL,
     unit_code text NOT NULL,
     unit_path text[] NOT NULL
   )`,
  `CREATE TABLE replica_team_members (
     team_id uuid NOT NULL,
     member_id uuid NOT NULL,
     PRIMARY KEY (team_id, member_id)
   )`,
  `CREATE TABLE rm_courses (
     course_id uuid PRIMARY KEY,
     title text NOT NULL,
     topic text NOT NULL,
     provider text NOT NULL,
     platform text
   )`,
  `CREATE TABLE rm_sessions (
     session_id uuid PRIMARY KEY,
     course_id uuid NOT NULL,
     status text NOT NULL,
     tree_version text NOT NULL,
     unit_code text NOT NULL,
     mode text NOT NULL,
     place text,
     starts_at timestamptz NOT NULL,
     ends_at timestamptz NOT NULL,
     bridge_points jsonb NOT NULL
   )`,
  `CREATE INDEX rm_sessions_by_course ON rm_sessions (course_id)`,
  `CREATE TABLE rm_attendance (
     session_id uuid NOT NULL,
     member_id uuid NOT NULL,
     team_id uuid NOT NULL,
     bridge_point text,
     first_training boolean NOT NULL,
     recorded_at timestamptz NOT NULL,
     PRIMARY KEY (session_id, member_id)
   )`,
  `CREATE INDEX rm_attendance_by_member ON rm_attendance (member_id)`,
];

export class TrainingSchema implements MigrationInterface {
  readonly name = 'TrainingSchema1796342400001';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'rm_attendance',
      'rm_sessions',
      'rm_courses',
      'replica_team_members',
      'replica_teams',
    ])
      await runner.query(`DROP TABLE ${table}`);
    await runner.query('DROP TABLE replica_units');
    await runner.query('DROP TABLE replica_unit_trees');
  }
}
