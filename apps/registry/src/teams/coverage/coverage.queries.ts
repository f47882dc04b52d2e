// Coverage of a unit: villages with an active team out of its villages, teams, active members;
// for the unit and for each of its children, so an OC can see which commune lags.
import type pg from 'pg';
import type { TreeInForce, UnitView } from '../../unit-trees/units/index.ts';
import { teamsToMove } from './teams-to-move.queries.ts';

type Db = Pick<pg.Pool, 'query'>;

export interface CoverageCounts {
  readonly villages: number;
  readonly villagesWithActiveTeam: number;
  /** villagesWithActiveTeam / villages, null when no village is registered. */
  readonly coverage: number | null;
  readonly teams: number;
  readonly activeTeams: number;
  /** Distinct people: a member of two active teams counts once. */
  readonly activeMembers: number;
  /** Teams still on a unit of an earlier tree whose commune this unit replaced (ADR 0065). */
  readonly teamsToMove: number;
}

export interface UnitCoverage extends CoverageCounts {
  readonly code: string;
  readonly name: string;
  readonly level: number;
}

export interface CoverageReport extends TreeInForce {
  readonly unit: UnitCoverage;
  readonly children: readonly UnitCoverage[];
}

// $3 is the unit's level (path[$3] is the unit), $4 the level rows are grouped by: the unit's own
// level for its total, one below for its children.
const countsSql = `
  WITH v AS (
    SELECT path[$4] AS k, code FROM rm_units
    WHERE tree_version = $1 AND origin = 'local' AND path @> ARRAY[$2::text] AND path[$3] = $2
  ), t AS (
    SELECT unit_path[$4] AS k, team_id, unit_code, status FROM rm_teams
    WHERE tree_version = $1 AND unit_path @> ARRAY[$2::text] AND unit_path[$3] = $2
  ), keys AS (SELECT k FROM v UNION SELECT k FROM t)
  SELECT keys.k AS code,
    (SELECT count(*) FROM v WHERE v.k = keys.k)::int AS villages,
    (SELECT count(*) FROM v WHERE v.k = keys.k
       AND EXISTS (SELECT 1 FROM t WHERE t.status = 'active' AND t.unit_code = v.code))::int AS "villagesWithActiveTeam",
    (SELECT count(*) FROM t WHERE t.k = keys.k)::int AS teams,
    (SELECT count(*) FROM t WHERE t.k = keys.k AND t.status = 'active')::int AS "activeTeams",
    (SELECT count(DISTINCT m.member_id) FROM rm_team_members m JOIN t USING (team_id)
       WHERE t.k = keys.k AND t.status = 'active')::int AS "activeMembers"
  FROM keys WHERE keys.k IS NOT NULL`;

type Counted = Omit<CoverageCounts, 'coverage' | 'teamsToMove'> & { code: string };

const none: Omit<Counted, 'code'> = {
  villages: 0,
  villagesWithActiveTeam: 0,
  teams: 0,
  activeTeams: 0,
  activeMembers: 0,
};

export async function coverageOf(
  db: Db,
  tree: TreeInForce,
  unit: UnitView,
  children: readonly UnitView[],
): Promise<CoverageReport> {
  const run = (groupLevel: number) =>
    db.query<Counted>(countsSql, [tree.treeVersion, unit.code, unit.level, groupLevel]);
  const [own, perChild, toMove] = await Promise.all([
    run(unit.level),
    run(unit.level + 1),
    teamsToMove(db, tree.treeVersion, unit),
  ]);
  const byCode = new Map(perChild.rows.map((r) => [r.code, r]));
  const withRatio = (
    u: UnitView,
    counts: Omit<Counted, 'code'> | undefined,
    moving: number,
  ): UnitCoverage => {
    const c = counts ?? none;
    return {
      code: u.code,
      name: u.name,
      level: u.level,
      ...c,
      coverage: c.villages === 0 ? null : c.villagesWithActiveTeam / c.villages,
      teamsToMove: moving,
    };
  };
  // The tree by its two fields: a caller passing the unit's whole detail (a TreeInForce too) had its
  // ancestors and lineage copied into every coverage answer.
  return {
    treeVersion: tree.treeVersion,
    effectiveFrom: tree.effectiveFrom,
    unit: withRatio(unit, own.rows[0], toMove.total),
    children: children.map((child) =>
      withRatio(child, byCode.get(child.code), toMove.byChild.get(child.code) ?? 0),
    ),
  };
}
