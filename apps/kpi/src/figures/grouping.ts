// A grouping rolls up like a unit: a former district's operations center keeps a view after the
// 2025 reform through the units that replaced it (built from the lineage). Its figures are the sums
// of its members' metrics, targets and statistics.
import { mostSpecific } from '@nhip/auth';
import type pg from 'pg';
import type { FigureRow, Figures } from './figures.queries.ts';
import type { TreeUnit } from './tree.queries.ts';

type Db = Pick<pg.Pool, 'query'>;

export const groupingKey = 'grouping';

/**
 * Units of `treeVersion` formed (in whole or in part) from units under a former unit, the most
 * specific: the province that absorbed a former province holds its communes' figures already.
 */
export async function successorsOf(
  db: Db,
  former: { readonly treeVersion: string; readonly code: string },
  treeVersion: string,
): Promise<TreeUnit[]> {
  const { rows } = await db.query<TreeUnit>(
    `SELECT DISTINCT s.tree_version AS "treeVersion", s.code, s.name, s.parent_code AS "parentCode", s.path
       FROM kpi_unit_lineage l
       JOIN kpi_units p ON p.tree_version = l.predecessor_tree_version AND p.code = l.predecessor_code
       JOIN kpi_units s ON s.tree_version = l.tree_version AND s.code = l.code
      WHERE l.predecessor_tree_version = $1 AND p.path @> ARRAY[$2]::text[] AND l.tree_version = $3
      ORDER BY s.code`,
    [former.treeVersion, former.code, treeVersion],
  );
  return mostSpecific(rows);
}

function sumOf(rows: readonly FigureRow[], members: ReadonlySet<string>, key: string): FigureRow[] {
  const totals = new Map<string, number>();
  for (const row of rows) {
    if (members.has(row.unit)) totals.set(row.id, (totals.get(row.id) ?? 0) + row.value);
  }
  return [...totals].map(([id, value]) => ({ unit: key, id, value }));
}

/** The members' figures plus the grouping's own, summed, under `key`. */
export function withGrouping(figures: Figures, members: readonly string[], key = groupingKey): Figures {
  const set = new Set(members);
  return {
    metrics: [...figures.metrics, ...sumOf(figures.metrics, set, key)],
    targets: [...figures.targets, ...sumOf(figures.targets, set, key)],
    statistics: [...figures.statistics, ...sumOf(figures.statistics, set, key)],
  };
}
