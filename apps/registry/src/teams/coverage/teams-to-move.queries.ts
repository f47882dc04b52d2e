// The teams a unit still waits for after a reform (ADR 0065): teams on a unit of an earlier tree,
// not dissolved, whose commune the recorded lineage leads into this unit's subtree. Moving one in
// (POST /teams/{id}/unit) counts it here; until then it counts in its old tree only.
import type pg from 'pg';

type Db = Pick<pg.Pool, 'query'>;

// $1 the coverage's tree, $2 the unit, $3 its level, $4 the level rows are grouped by (as countsSql).
// The lineage is walked back from the subtree's units, so only the teams that may come here are
// read, not every team of an earlier tree. A team whose commune was split counts under each
// successor it may choose, and once in a total.
const teamsToMoveSql = `
  WITH RECURSIVE earlier(tree_version, code, k) AS (
    SELECT tree_version, code, path[$4] FROM rm_units
    WHERE tree_version = $1 AND origin = 'official' AND path @> ARRAY[$2::text] AND path[$3] = $2
    UNION
    SELECT l.predecessor_tree_version, l.predecessor_code, e.k FROM rm_unit_lineage l
      JOIN earlier e ON l.tree_version = e.tree_version AND l.code = e.code
  ), waiting AS (
    SELECT t.team_id, t.tree_version,
           CASE WHEN u.origin = 'local' THEN u.parent_code ELSE t.unit_code END AS commune
    FROM rm_teams t
    LEFT JOIN rm_units u ON u.tree_version = t.tree_version AND u.code = t.unit_code
    WHERE t.tree_version <> $1 AND t.status <> 'dissolved'
      AND t.unit_path && ARRAY(SELECT code FROM earlier WHERE tree_version <> $1)
  )
  SELECT e.k AS code, count(DISTINCT w.team_id)::int AS "teamsToMove"
  FROM waiting w JOIN earlier e ON e.tree_version = w.tree_version AND e.code = w.commune
  WHERE e.k IS NOT NULL
  GROUP BY e.k`;

/** Teams to move in, by the code at `groupLevel` (the unit's own level for its total). */
export async function teamsToMove(
  db: Db,
  treeVersion: string,
  unit: { readonly code: string; readonly level: number },
  groupLevel: number,
): Promise<Map<string, number>> {
  const { rows } = await db.query<{ code: string; teamsToMove: number }>(teamsToMoveSql, [
    treeVersion,
    unit.code,
    unit.level,
    groupLevel,
  ]);
  return new Map(rows.map((r) => [r.code, r.teamsToMove]));
}
