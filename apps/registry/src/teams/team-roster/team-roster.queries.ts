// Teams as the operations centers look them up: in a subtree (paged, filtered) and one in detail.
import type pg from 'pg';
import { movesTo } from './moves-to.queries.ts';

type Db = Pick<pg.Pool, 'query'>;

export interface TeamSummary {
  readonly teamId: string;
  readonly name: string;
  readonly teamType: string;
  readonly status: string;
  readonly treeVersion: string;
  readonly unitCode: string;
  readonly unitName: string | null;
  readonly unitPath: readonly string[];
  readonly decision: { readonly number: string; readonly date: string };
  readonly leaderId: string | null;
  readonly members: number;
}

export interface TeamDetail extends TeamSummary {
  readonly roster: readonly { memberId: string; role: string; affiliation: string; leader: boolean }[];
  /** For a team on a unit of an earlier tree: the communes of the tree in force it may move into. */
  readonly movesTo: readonly string[];
}

export interface TeamFilter {
  readonly treeVersion: string;
  readonly unitCode: string;
  readonly teamType?: string;
  readonly status?: string;
  readonly page: number;
  readonly pageSize: number;
  /** Only teams under one of these units (the caller's area); undefined for no such limit. */
  readonly within?: readonly string[];
}

const summaryColumns = `t.team_id AS "teamId", t.name, t.team_type AS "teamType", t.status,
  t.tree_version AS "treeVersion", t.unit_code AS "unitCode", u.name AS "unitName", t.unit_path AS "unitPath",
  json_build_object('number', t.decision_number, 'date', to_char(t.decision_date, 'YYYY-MM-DD')) AS decision,
  t.leader_id AS "leaderId",
  (SELECT count(*)::int FROM rm_team_members m WHERE m.team_id = t.team_id) AS members`;
const fromTeams = `FROM rm_teams t LEFT JOIN rm_units u ON u.tree_version = t.tree_version AND u.code = t.unit_code`;

export async function teamsInSubtree(
  db: Db,
  filter: TeamFilter,
): Promise<{ total: number; items: TeamSummary[] }> {
  const where = `WHERE t.tree_version = $1 AND t.unit_path @> ARRAY[$2::text]
    AND ($3::text IS NULL OR t.team_type = $3) AND ($4::text IS NULL OR t.status = $4)
    AND ($5::text[] IS NULL OR t.unit_path && $5::text[])`;
  const params = [
    filter.treeVersion,
    filter.unitCode,
    filter.teamType ?? null,
    filter.status ?? null,
    filter.within ?? null,
  ];
  const [count, page] = await Promise.all([
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM rm_teams t ${where}`, params),
    db.query<TeamSummary>(
      `SELECT ${summaryColumns} ${fromTeams} ${where} ORDER BY t.unit_code, t.name, t.team_id LIMIT $6 OFFSET $7`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    ),
  ]);
  return { total: count.rows[0]?.total ?? 0, items: page.rows };
}

export async function teamDetail(db: Db, teamId: string): Promise<TeamDetail | undefined> {
  const [team, roster] = await Promise.all([
    db.query<TeamSummary>(`SELECT ${summaryColumns} ${fromTeams} WHERE t.team_id = $1`, [teamId]),
    db.query<TeamDetail['roster'][number]>(
      `SELECT m.member_id AS "memberId", m.role, m.affiliation, coalesce(t.leader_id = m.member_id, false) AS leader
       FROM rm_team_members m JOIN rm_teams t USING (team_id) WHERE m.team_id = $1
       ORDER BY coalesce(t.leader_id = m.member_id, false) DESC, m.role, m.member_id`,
      [teamId],
    ),
  ]);
  const summary = team.rows[0];
  return summary && { ...summary, roster: roster.rows, movesTo: await movesTo(db, summary) };
}

/** Where a team works (its tree version and path), for a scope check; undefined if unknown. */
export async function teamPlacement(
  db: Db,
  teamId: string,
): Promise<{ treeVersion: string; unitPath: string[] } | undefined> {
  const { rows } = await db.query<{ treeVersion: string; unitPath: string[] }>(
    'SELECT tree_version AS "treeVersion", unit_path AS "unitPath" FROM rm_teams WHERE team_id = $1',
    [teamId],
  );
  return rows[0];
}
