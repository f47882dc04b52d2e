// Keeps rm_units / rm_unit_trees / rm_unit_lineage in step with a tree version's events, in bulk:
// the national list is 10,806 events in one command, so each event type is one set-based statement.
// Villages join rm_units too, with origin "local".
import type { Tx } from '@nhip/event-sourcing';
import type { UnitTreeEvent } from '../unit-tree.ts';
import type { VillageEvent } from '../../villages/village.ts';

export const unitTreeTables = ['rm_unit_trees', 'rm_units', 'rm_unit_lineage'] as const;
export const villageTables = ['rm_units'] as const;

type DataOf<T extends UnitTreeEvent['type']> = Extract<UnitTreeEvent, { type: T }>['data'];

const statements: { [T in UnitTreeEvent['type']]: string } = {
  UnitTreeVersionOpened: `INSERT INTO rm_unit_trees (tree_version, effective_from)
    SELECT $1, r."effectiveFrom"::date FROM jsonb_to_recordset($2) AS r("effectiveFrom" text)
    ON CONFLICT (tree_version) DO NOTHING`,
  UnitAdded: `INSERT INTO rm_units (tree_version, code, name, type, level, parent_code, origin)
    SELECT $1, r.code, r.name, r.type, r.level, r."parentCode", 'official'
    FROM jsonb_to_recordset($2) AS r(code text, name text, type text, level int, "parentCode" text)`,
  UnitRenamed: `UPDATE rm_units u SET name = r.name
    FROM jsonb_to_recordset($2) AS r(code text, name text) WHERE u.tree_version = $1 AND u.code = r.code`,
  UnitReclassified: `UPDATE rm_units u SET type = r.type
    FROM jsonb_to_recordset($2) AS r(code text, type text) WHERE u.tree_version = $1 AND u.code = r.code`,
  UnitMoved: `UPDATE rm_units u SET level = r.level, parent_code = r."parentCode"
    FROM jsonb_to_recordset($2) AS r(code text, level int, "parentCode" text)
    WHERE u.tree_version = $1 AND u.code = r.code`,
  UnitRetired: `DELETE FROM rm_units u USING jsonb_to_recordset($2) AS r(code text)
    WHERE u.tree_version = $1 AND u.code = r.code`,
  UnitLineageRecorded: `WITH links AS (
      SELECT r.code, p."treeVersion", p.code AS predecessor, p.relation
      FROM jsonb_to_recordset($2) AS r(code text, predecessors jsonb),
           jsonb_to_recordset(r.predecessors) AS p("treeVersion" text, code text, relation text)
    ), cleared AS (
      DELETE FROM rm_unit_lineage l USING (SELECT DISTINCT code FROM links) c
      WHERE l.tree_version = $1 AND l.code = c.code
    )
    INSERT INTO rm_unit_lineage (tree_version, code, predecessor_tree_version, predecessor_code, relation)
    SELECT $1, code, "treeVersion", predecessor, relation FROM links`,
};

// Paths are recomputed for the whole version after units arrive or move: one recursive walk of
// ~10,000 rows costs less than keeping every descendant's path right one move at a time.
const recomputePaths = `WITH RECURSIVE walk AS (
    SELECT code, ARRAY[code] AS path FROM rm_units WHERE tree_version = $1 AND parent_code IS NULL
    UNION ALL
    SELECT u.code, walk.path || u.code FROM rm_units u JOIN walk ON u.parent_code = walk.code
    WHERE u.tree_version = $1
  )
  UPDATE rm_units u SET path = walk.path FROM walk
  WHERE u.tree_version = $1 AND u.code = walk.code AND u.path IS DISTINCT FROM walk.path`;

export async function projectUnitTree(
  tx: Tx,
  treeVersion: string,
  events: readonly UnitTreeEvent[],
): Promise<void> {
  const order = Object.keys(statements) as UnitTreeEvent['type'][];
  for (const type of order) {
    const data: DataOf<typeof type>[] = events.filter((e) => e.type === type).map((e) => e.data);
    if (data.length > 0) await tx.query(statements[type], [treeVersion, JSON.stringify(data)]);
  }
  if (events.some((e) => e.type === 'UnitAdded' || e.type === 'UnitMoved')) {
    await tx.query(recomputePaths, [treeVersion]);
  }
}

export async function projectVillages(
  tx: Tx,
  treeVersion: string,
  events: readonly VillageEvent[],
): Promise<void> {
  for (const event of events) {
    // A village taken over by a later tree's stays in its own tree's read model (that tree as it
    // was), saying which village took it over.
    if (event.type === 'VillageRetired') {
      const { code, carriedTo } = event.data;
      await tx.query(
        'UPDATE rm_units SET carried_to_tree_version = $3, carried_to_code = $4 WHERE tree_version = $1 AND code = $2',
        [treeVersion, code, carriedTo.treeVersion, carriedTo.code],
      );
      continue;
    }
    const { data } = event;
    await tx.query(
      `INSERT INTO rm_units (tree_version, code, name, type, level, parent_code, origin, path)
       VALUES ($1, $2, $3, $4, $5, $6, 'local', $7)`,
      [treeVersion, data.code, data.name, data.type, data.level, data.parentCode, data.path],
    );
  }
}
