// Where a team may move (ADR 0065): from a unit of an earlier tree, into the communes of the tree in
// force that replaced its commune, following the recorded lineage through every reform in between.
import type pg from 'pg';
import { vietnamDay } from '@nhip/contracts';
import { findUnit, treeInForce } from '../../unit-trees/units/index.ts';

type Db = Pick<pg.Pool, 'query'>;

/** The commune a unit belongs to: itself, or the official unit above a village. */
export async function communeOf(db: Db, treeVersion: string, code: string): Promise<string | undefined> {
  const unit = await findUnit(db, treeVersion, code);
  return unit && (unit.origin === 'local' ? (unit.parentCode ?? undefined) : unit.code);
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
 * the tree in force (it moves only between villages of its commune) or a dissolved one.
 */
export async function movesTo(
  db: Db,
  team: { readonly treeVersion: string; readonly unitCode: string; readonly status: string },
): Promise<string[]> {
  if (team.status === 'dissolved') return [];
  const tree = await treeInForce(db, vietnamDay(new Date()));
  if (!tree || tree.treeVersion === team.treeVersion) return [];
  const commune = (await communeOf(db, team.treeVersion, team.unitCode)) ?? team.unitCode;
  return successorsIn(db, team.treeVersion, commune, tree.treeVersion);
}
