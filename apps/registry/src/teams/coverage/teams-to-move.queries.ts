// The teams a unit still waits for after a reform (ADR 0065): teams on a unit of an earlier tree,
// not dissolved, whose commune the recorded lineage leads into this unit's subtree. Moving one in
// (POST /teams/{id}/unit) counts it here; until then it counts in its old tree only.
import type pg from 'pg';

type Db = Pick<pg.Pool, 'query'>;

// $1 the coverage's tree, $2 the unit, $3 its level. The lineage is walked back from the subtree's
// units, so only the teams that may come here are read, not every team of an earlier tree; each
// unit reached carries the child of $2 it leads to (null for $2 itself). One walk gives both the
// children's counts and the total: a team whose commune was split counts under each successor it
// may choose, and once in the total.
const teamsToMoveSql = `
  WITH RECURSIVE earlier(tree_version, code, child) AS (
    SELECT tree_version, code, path[$3 + 1] FROM rm_units
    WHERE tree_version = $1 AND origin = 'official' AND path @> ARRAY[$2::text] AND path[$3] = $2
    UNION
    SELECT l.predecessor_tree_version, l.predecessor_code, e.child FROM rm_unit_lineage l
      JOIN earlier e ON l.tree_version = e.tree_version AND l.code = e.code
  ), waiting AS (
    SELECT t.team_id, t.tree_version,
           CASE WHEN u.origin = 'local' THEN u.parent_code ELSE t.unit_code END AS commune
    FROM rm_teams t
    LEFT JOIN rm_units u ON u.tree_version = t.tree_version AND u.code = t.unit_code
    WHERE t.tree_version <> $1 AND t.status <> 'dissolved'
      AND t.unit_path && ARRAY(SELECT code FROM earlier WHERE tree_version <> $1)
  )
  SELECT e.child, GROUPING(e.child) = 1 AS total, count(DISTINCT w.team_id)::int AS teams
  FROM waiting w JOIN earlier e ON e.tree_version = w.tree_version AND e.code = w.commune
  GROUP BY GROUPING SETS ((e.child), ())`;

export interface TeamsToMove {
  readonly total: number;
  /** By child of the unit; a child none may move into is absent. */
  readonly byChild: ReadonlyMap<string, number>;
}

export async function teamsToMove(
  db: Db,
  treeVersion: string,
  unit: { readonly code: string; readonly level: number },
): Promise<TeamsToMove> {
  const { rows } = await db.query<{ child: string | null; total: boolean; teams: number }>(teamsToMoveSql, [
    treeVersion,
    unit.code,
    unit.level,
  ]);
  return {
    total: rows.find((r) => r.total)?.teams ?? 0,
    byChild: new Map(rows.flatMap((r) => (r.total || r.child === null ? [] : [[r.child, r.teams] as const]))),
  };
}
