// Where a team may move (ADR 0065): from a unit of an earlier tree, into the communes of the tree in
// force that replaced its commune, following the recorded lineage through every reform in between.
import type pg from 'pg';
import { vietnamDay } from '@nhip/contracts';
import { findUnit, treeInForce, type UnitView } from '../../unit-trees/units/index.ts';

type Db = Pick<pg.Pool, 'query'>;

/** The commune a unit belongs to: itself, or the official unit above a village. */
export const communeOfUnit = (unit: Pick<UnitView, 'code' | 'origin' | 'parentCode'>): string | undefined =>
  unit.origin === 'local' ? (unit.parentCode ?? undefined) : unit.code;

/** The commune a team works in; its unit's own code when its tree no longer has that unit. */
export async function teamCommune(
  db: Db,
  team: { readonly treeVersion: string; readonly unitCode: string },
): Promise<string> {
  const unit = await findUnit(db, team.treeVersion, team.unitCode);
  return (unit && communeOfUnit(unit)) ?? team.unitCode;
}

/** The units of `inTree` that replaced (treeVersion, code), through every reform recorded in between. */
export async function successorsIn(
  db: Db,
  treeVersion: string,
  code: string,
  inTree: string,
): Promise<string[]> {
  const { rows } = await db.query<{ code: string }>(
    `WITH RECURSIVE later(tree_version, code) AS (
       SELECT $1::text, $2::text
       UNION
       SELECT l.tree_version, l.code FROM rm_unit_lineage l
         JOIN later p ON l.predecessor_tree_version = p.tree_version AND l.predecessor_code = p.code)
     SELECT code FROM later WHERE tree_version = $3 ORDER BY code`,
    [treeVersion, code, inTree],
  );
  return rows.map((r) => r.code);
}

/**
 * The communes a team on a unit of an earlier tree may move into today; none for a team already in
 * the tree in force (it moves only between villages of its commune) or a dissolved one. The answer's
 * `movesTo`, and what the move's decider checks a new unit against.
 */
export async function movesTo(
  db: Db,
  team: { readonly treeVersion: string; readonly unitCode: string; readonly status: string },
): Promise<string[]> {
  if (team.status === 'dissolved') return [];
  const tree = await treeInForce(db, vietnamDay(new Date()));
  if (!tree || tree.treeVersion === team.treeVersion) return [];
  return successorsIn(db, team.treeVersion, await teamCommune(db, team), tree.treeVersion);
}
