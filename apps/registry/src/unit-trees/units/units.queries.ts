// Reading the unit trees: which version is in force on a date, a unit with its path and children,
// and where it came from or went across a reform.
import type pg from 'pg';

type Db = Pick<pg.Pool, 'query'>;

export interface TreeInForce {
  readonly treeVersion: string;
  readonly effectiveFrom: string;
}

export interface UnitView {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly level: number;
  readonly parentCode: string | null;
  readonly origin: 'official' | 'local';
  readonly path: readonly string[];
}

export interface LineageLinkView {
  readonly treeVersion: string;
  readonly code: string;
  readonly name: string | null;
  readonly relation: string;
}

export interface UnitDetail extends TreeInForce {
  readonly unit: UnitView;
  /** From the province down to the unit's parent. */
  readonly ancestors: readonly UnitView[];
  readonly children: readonly UnitView[];
  readonly predecessors: readonly LineageLinkView[];
  readonly successors: readonly LineageLinkView[];
}

const unitColumns = `code, name, type, level, parent_code AS "parentCode", origin, path`;

export async function treeInForce(db: Db, date: string): Promise<TreeInForce | undefined> {
  const { rows } = await db.query<TreeInForce>(
    `SELECT tree_version AS "treeVersion", to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom"
     FROM rm_unit_trees WHERE effective_from <= $1::date ORDER BY effective_from DESC LIMIT 1`,
    [date],
  );
  return rows[0];
}

export async function findUnit(
  db: Db,
  treeVersion: string,
  code: string,
): Promise<(UnitView & { officialChildren: number }) | undefined> {
  const { rows } = await db.query<UnitView & { officialChildren: number }>(
    `SELECT ${unitColumns},
       (SELECT count(*)::int FROM rm_units c
        WHERE c.tree_version = u.tree_version AND c.parent_code = u.code AND c.origin = 'official')
         AS "officialChildren"
     FROM rm_units u WHERE tree_version = $1 AND code = $2`,
    [treeVersion, code],
  );
  return rows[0];
}

// What a unit became in later trees: the lineage an import recorded for official units, and for a
// village a carry-over took over, the village that took it (ADR 0070).
const successorsSql = `
  SELECT l.tree_version AS "treeVersion", l.code, u.name, l.relation
  FROM rm_unit_lineage l LEFT JOIN rm_units u ON u.tree_version = l.tree_version AND u.code = l.code
  WHERE l.predecessor_tree_version = $1 AND l.predecessor_code = $2
  UNION ALL
  SELECT v.carried_to_tree_version, v.carried_to_code, c.name, 'full'
  FROM rm_units v LEFT JOIN rm_units c ON c.tree_version = v.carried_to_tree_version AND c.code = v.carried_to_code
  WHERE v.tree_version = $1 AND v.code = $2 AND v.carried_to_code IS NOT NULL
  ORDER BY code`;

export async function unitDetail(db: Db, tree: TreeInForce, code: string): Promise<UnitDetail | undefined> {
  const unit = await findUnit(db, tree.treeVersion, code);
  if (!unit) return undefined;
  const [ancestors, children, predecessors, successors] = await Promise.all([
    db.query<UnitView>(
      `SELECT ${unitColumns} FROM rm_units WHERE tree_version = $1 AND code = ANY($2) ORDER BY level`,
      [tree.treeVersion, unit.path.slice(0, -1)],
    ),
    db.query<UnitView>(
      `SELECT ${unitColumns} FROM rm_units WHERE tree_version = $1 AND parent_code = $2 ORDER BY code`,
      [tree.treeVersion, code],
    ),
    db.query<LineageLinkView>(
      `SELECT l.predecessor_tree_version AS "treeVersion", l.predecessor_code AS code, u.name, l.relation
       FROM rm_unit_lineage l LEFT JOIN rm_units u
         ON u.tree_version = l.predecessor_tree_version AND u.code = l.predecessor_code
       WHERE l.tree_version = $1 AND l.code = $2 ORDER BY l.predecessor_code`,
      [tree.treeVersion, code],
    ),
    db.query<LineageLinkView>(successorsSql, [tree.treeVersion, code]),
  ]);
  const view: UnitView = {
    code: unit.code,
    name: unit.name,
    type: unit.type,
    level: unit.level,
    parentCode: unit.parentCode,
    origin: unit.origin,
    path: unit.path,
  };
  return {
    ...tree,
    unit: view,
    ancestors: ancestors.rows,
    children: children.rows,
    predecessors: predecessors.rows,
    successors: successors.rows,
  };
}

export async function topLevelUnits(db: Db, tree: TreeInForce): Promise<UnitView[]> {
  const { rows } = await db.query<UnitView>(
    `SELECT ${unitColumns} FROM rm_units WHERE tree_version = $1 AND parent_code IS NULL ORDER BY code`,
    [tree.treeVersion],
  );
  return rows;
}
