// The unit trees as the registry publishes them, kept for names, children and the tree in force.
// Events of one tree version share a key, so a parent always arrives before its children.
import type { UnitAddedData, UnitMovedData } from '@nhip/contracts';
import type { Tx } from '@nhip/event-sourcing';

/** Adds the unit; returns its path when it was new. */
export async function addUnit(unit: UnitAddedData, tx: Tx): Promise<string[] | undefined> {
  const { rows } = await tx.query<{ path: string[] }>(
    `INSERT INTO kpi_units (tree_version, code, name, level, parent_code, origin, path)
     SELECT $1, $2, $3, $4, $5, $6,
            coalesce((SELECT path FROM kpi_units WHERE tree_version = $1 AND code = $5), '{}') || $2::text
     ON CONFLICT (tree_version, code) DO NOTHING
     RETURNING path`,
    [unit.treeVersion, unit.code, unit.name, unit.level, unit.parentCode, unit.origin],
  );
  return rows[0]?.path;
}

export async function moveUnit(moved: UnitMovedData, tx: Tx): Promise<void> {
  const { rows } = await tx.query<{ path: string[] }>(
    'SELECT path FROM kpi_units WHERE tree_version = $1 AND code = $2',
    [moved.treeVersion, moved.code],
  );
  const old = rows[0]?.path;
  if (!old) return;
  // The unit and everything under it get the new prefix; deltas keep the paths they were counted with.
  await tx.query(
    `WITH parent AS (SELECT coalesce((SELECT path FROM kpi_units WHERE tree_version = $1 AND code = $3), '{}') AS path)
     UPDATE kpi_units u SET
       path = (SELECT path FROM parent) || u.path[cardinality($4::text[]):],
       level = CASE WHEN u.code = $2 THEN $5 ELSE u.level END,
       parent_code = CASE WHEN u.code = $2 THEN $3 ELSE u.parent_code END
     WHERE u.tree_version = $1 AND u.path[1:cardinality($4::text[])] = $4::text[]`,
    [moved.treeVersion, moved.code, moved.parentCode, old, moved.level],
  );
}

/** A village's path in its tree; undefined for an official unit or one not known. */
export async function villagePath(tx: Tx, treeVersion: string, code: string): Promise<string[] | undefined> {
  const { rows } = await tx.query<{ path: string[] }>(
    `SELECT path FROM kpi_units WHERE tree_version = $1 AND code = $2 AND origin = 'local'`,
    [treeVersion, code],
  );
  return rows[0]?.path;
}

/** Active teams the service already holds at a village: its team's event may have come first. */
export async function activeTeamsAt(tx: Tx, treeVersion: string, village: string): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM kpi_teams
      WHERE active AND tree_version = $1 AND path[cardinality(path)] = $2`,
    [treeVersion, village],
  );
  return rows[0]?.n ?? 0;
}
