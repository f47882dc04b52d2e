// The unit tree in force for a period, as the registry published it: a unit's name and children,
// and the siblings a value is ranked among. The tree is the one in force on the period's last day.
import type pg from 'pg';

type Db = Pick<pg.Pool, 'query'>;

export interface TreeUnit {
  readonly treeVersion: string;
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  readonly path: readonly string[];
}

const columns = `tree_version AS "treeVersion", code, name, parent_code AS "parentCode", path`;

export async function treeInForce(db: Db, day: string): Promise<string | undefined> {
  const { rows } = await db.query<{ tree_version: string }>(
    `SELECT tree_version FROM kpi_unit_trees WHERE effective_from <= $1::date
      ORDER BY effective_from DESC LIMIT 1`,
    [day],
  );
  return rows[0]?.tree_version;
}

/**
 * The tree in force on a day if it took force after `treeVersion`'s: a unit of that tree was
 * replaced by then. Undefined while that tree, or an earlier one, is in force.
 */
export async function laterTreeInForce(
  db: Db,
  treeVersion: string,
  day: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ tree_version: string }>(
    `SELECT f.tree_version FROM kpi_unit_trees f
       JOIN kpi_unit_trees u ON u.tree_version = $1 AND f.effective_from > u.effective_from
      WHERE f.effective_from <= $2::date ORDER BY f.effective_from DESC LIMIT 1`,
    [treeVersion, day],
  );
  return rows[0]?.tree_version;
}

/** A unit in the tree in force on a day, or in the latest tree that has it. */
export async function findUnit(db: Db, code: string, day: string): Promise<TreeUnit | undefined> {
  const { rows } = await db.query<TreeUnit>(
    `SELECT ${columns} FROM kpi_units u JOIN kpi_unit_trees t USING (tree_version)
      WHERE u.code = $1 ORDER BY (t.effective_from <= $2::date) DESC, t.effective_from DESC LIMIT 1`,
    [code, day],
  );
  return rows[0];
}

export async function childrenOf(db: Db, treeVersion: string, codes: readonly string[]): Promise<TreeUnit[]> {
  const { rows } = await db.query<TreeUnit>(
    `SELECT ${columns} FROM kpi_units WHERE tree_version = $1 AND parent_code = ANY($2) ORDER BY code`,
    [treeVersion, codes],
  );
  return rows;
}

/** The units of a tree version among these codes, with their parents. */
export async function unitsIn(db: Db, treeVersion: string, codes: readonly string[]): Promise<TreeUnit[]> {
  const { rows } = await db.query<TreeUnit>(
    `SELECT ${columns} FROM kpi_units WHERE tree_version = $1 AND code = ANY($2)`,
    [treeVersion, codes],
  );
  return rows;
}
