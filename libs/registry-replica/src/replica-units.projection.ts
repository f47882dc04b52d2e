// The unit tree as the replica keeps it: each unit with its path from the province down, so a
// report's place can be checked against a team's commune with one array test.
import type { UnitAddedData, UnitLineageRecordedData, UnitMovedData } from '@nhip/contracts';
import type { Tx } from '@nhip/event-sourcing';

// Events of one tree version share a key, so a parent always arrives before its children.
export async function addUnit(unit: UnitAddedData, tx: Tx): Promise<void> {
  await tx.query(
    `INSERT INTO replica_units (tree_version, code, level, parent_code, origin, path)
     SELECT $1, $2, $3, $4, $5,
            coalesce((SELECT path FROM replica_units WHERE tree_version = $1 AND code = $4), '{}') || $2::text
     ON CONFLICT (tree_version, code) DO NOTHING`,
    [unit.treeVersion, unit.code, unit.level, unit.parentCode, unit.origin],
  );
}

export async function moveUnit(moved: UnitMovedData, tx: Tx): Promise<void> {
  const { rows } = await tx.query<{ path: string[] }>(
    'SELECT path FROM replica_units WHERE tree_version = $1 AND code = $2',
    [moved.treeVersion, moved.code],
  );
  const old = rows[0]?.path;
  if (!old) return;
  // The unit and everything under it get the new prefix.
  await tx.query(
    `WITH parent AS (SELECT coalesce((SELECT path FROM replica_units WHERE tree_version = $1 AND code = $3), '{}') AS path)
     UPDATE replica_units u SET
       path = (SELECT path FROM parent) || u.path[cardinality($4::text[]):],
       level = CASE WHEN u.code = $2 THEN $5 ELSE u.level END,
       parent_code = CASE WHEN u.code = $2 THEN $3 ELSE u.parent_code END
     WHERE u.tree_version = $1 AND u.path[1:cardinality($4::text[])] = $4::text[]`,
    [moved.treeVersion, moved.code, moved.parentCode, old, moved.level],
  );
}

/** Where a unit came from: the scope of a sign-in follows it across a reform (ADR 0022). */
export async function addLineage(lineage: UnitLineageRecordedData, tx: Tx): Promise<void> {
  await tx.query(
    // A replayed link fills the relation of a row consumed before the replica kept it. A split is a
    // fact of the older unit: its other links into this tree are partial too, whatever a count made
    // before this one arrived said (ReplicaLineageRelationFilled).
    `WITH links AS (
       SELECT p.tree_version, p.code, p.relation
       FROM jsonb_to_recordset($3::jsonb) AS p(tree_version text, code text, relation text)
     ), added AS (
       INSERT INTO replica_unit_lineage (tree_version, code, predecessor_tree_version, predecessor_code, relation)
       SELECT $1, $2, tree_version, code, relation FROM links
       ON CONFLICT (tree_version, code, predecessor_tree_version, predecessor_code)
         DO UPDATE SET relation = EXCLUDED.relation
     )
     UPDATE replica_unit_lineage l SET relation = 'partial'
     FROM links
     WHERE links.relation = 'partial' AND l.tree_version = $1 AND l.code <> $2
       AND l.predecessor_tree_version = links.tree_version AND l.predecessor_code = links.code
       AND l.relation IS DISTINCT FROM 'partial'`,
    [
      lineage.treeVersion,
      lineage.code,
      JSON.stringify(
        lineage.predecessors.map((p) => ({
          tree_version: p.treeVersion,
          code: p.code,
          relation: p.relation,
        })),
      ),
    ],
  );
}
