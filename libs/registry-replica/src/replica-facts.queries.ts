// What a service's rules read from its replica: the tree in force on a day, units with their
// paths, and the teams a member belongs to. Set-wise, so a file of thousands is a few queries.
import type pg from 'pg';

type Db = Pick<pg.Pool, 'query'>;

/** The tree version in force on a Vietnamese calendar day, as far as the replica knows yet. */
export async function treeVersionInForce(db: Db, day: string): Promise<string | undefined> {
  const { rows } = await db.query<{ tree_version: string }>(
    `SELECT tree_version FROM replica_unit_trees WHERE effective_from <= $1::date ORDER BY effective_from DESC LIMIT 1`,
    [day],
  );
  return rows[0]?.tree_version;
}

/** Which of these codes are units of that tree version. */
export async function knownUnitCodes(
  db: Db,
  treeVersion: string,
  codes: readonly string[],
): Promise<Set<string>> {
  return new Set((await unitPaths(db, treeVersion, codes)).keys());
}

/** Code → path from the province down, for the codes that are units of that tree version. */
export async function unitPaths(
  db: Db,
  treeVersion: string,
  codes: readonly string[],
): Promise<Map<string, readonly string[]>> {
  const { rows } = await db.query<{ code: string; path: string[] }>(
    'SELECT code, path FROM replica_units WHERE tree_version = $1 AND code = ANY($2)',
    [treeVersion, codes],
  );
  return new Map(rows.map((r) => [r.code, r.path]));
}

/** A team a member is in now, as the replica knows it. */
export interface MemberTeam {
  readonly teamId: string;
  readonly status: string;
  readonly treeVersion: string;
  readonly unitPath: readonly string[];
}

/** Member id → the teams they are in now (none for a member no team of the replica has). */
export async function teamsOfMembers(
  db: Db,
  memberIds: readonly string[],
): Promise<Map<string, MemberTeam[]>> {
  const { rows } = await db.query<MemberTeam & { memberId: string }>(
    `SELECT m.member_id AS "memberId", t.team_id AS "teamId", t.status, t.tree_version AS "treeVersion",
            t.unit_path AS "unitPath"
     FROM replica_team_members m JOIN replica_teams t ON t.team_id = m.team_id
     WHERE m.member_id = ANY($1::uuid[]) ORDER BY t.team_id`,
    [memberIds],
  );
  const teams = new Map<string, MemberTeam[]>();
  for (const { memberId, ...team } of rows) teams.set(memberId, [...(teams.get(memberId) ?? []), team]);
  return teams;
}
