// The drill-down's reads in one round trip (ADR 0033): the unit in the tree in force for the
// period, its children, and the figures of both (rollup cells, targets, statistics), as one
// prepared statement. Four sequential round trips cost more than the reads themselves on a busy
// machine; the figures are figures.queries.ts' one statement, fed from the tree part here.
import type pg from 'pg';
import { flowCellsOf, targetPeriodOf, type Period } from '../periods/period.ts';
import { indicatorCatalog } from '../indicators/catalog.ts';
import type { IndicatorDefinition } from '../indicators/indicator.ts';
import {
  figuresSql,
  inputsRead,
  type FigureParams,
  type FigureRow,
  type Figures,
} from './figures.queries.ts';
import type { TreeUnit } from './tree.queries.ts';

type Db = Pick<pg.Pool, 'query'>;

/**
 * The parameters reach the query only through `args`, a materialized row the planner cannot see
 * into: the plan is then the same for every unit and period, so PostgreSQL keeps one generic plan
 * for the prepared statement after its fifth call. With `$1`…`$6` in the conditions, whether it
 * planned every call afresh for its values depended on the tables' statistics: once analyzed (a
 * deployment's steady state), it did, 0.79–0.83 ms of planning for a 0.21–0.29 ms execution
 * (ADR 0040 addendum).
 */
const inputs: FigureParams = {
  units: '(SELECT a FROM codes)::text[]',
  keys: 'ARRAY[(SELECT key FROM args)]',
  firstDays: 'ARRAY[(SELECT first_day FROM args)]',
  lastDays: 'ARRAY[(SELECT last_day FROM args)]',
  cells: 'ARRAY[(SELECT cells FROM args)]',
  targetPeriods: 'ARRAY[(SELECT target_period FROM args)]',
  flow: '(SELECT flow FROM args)::text[]',
  stock: '(SELECT stock FROM args)::text[]',
  at: 'NULL',
  targets: '(SELECT targets FROM args)::text[]',
  statistics: '(SELECT statistics FROM args)::text[]',
};

const drillDownSqlOf = (from: 'cell' | 'cells') => `
  WITH args AS MATERIALIZED (
    SELECT $1::text AS code, $2::text AS key, $3::text AS first_day, $4::text AS last_day,
           $5::text[] AS flow, $6::text[] AS stock, $7::text[] AS targets, $8::text[] AS statistics,
           $9::text AS cells, $10::text AS target_period),
  unit AS MATERIALIZED (
    SELECT u.tree_version, u.code, u.name, u.parent_code, u.path
      FROM kpi_units u JOIN kpi_unit_trees t USING (tree_version)
     WHERE u.code = (SELECT code FROM args)
     ORDER BY (t.effective_from <= (SELECT last_day FROM args)::date) DESC, t.effective_from DESC LIMIT 1),
  children AS MATERIALIZED (
    SELECT c.tree_version, c.code, c.name, c.parent_code, c.path
      FROM kpi_units c JOIN unit ON c.tree_version = unit.tree_version AND c.parent_code = unit.code),
  codes AS MATERIALIZED (SELECT ARRAY(SELECT code FROM unit UNION ALL SELECT code FROM children) AS a)
  SELECT 'unit' AS part, code, name, NULL::float8 AS value, tree_version AS tree, parent_code AS parent, path FROM unit
  UNION ALL SELECT 'child', code, name, NULL, tree_version, parent_code, path FROM children
  UNION ALL
  SELECT 'replaced-in', tree_version, NULL, NULL, NULL, NULL, NULL FROM (
    SELECT t.tree_version FROM kpi_unit_trees t
     WHERE t.effective_from <= (SELECT last_day FROM args)::date
       AND t.effective_from > (SELECT o.effective_from FROM kpi_unit_trees o JOIN unit USING (tree_version))
     ORDER BY t.effective_from DESC LIMIT 1) later
  UNION ALL
  SELECT f.kind, f.unit, f.id, f.value, NULL, NULL, NULL FROM (${figuresSql(inputs, from)}) f`;

/** The drill-down of a stored period, the statement most screens run; of a year to date (ADR 0057). */
export const drillDownSql = drillDownSqlOf('cell');
const toDateSql = drillDownSqlOf('cells');

interface Row {
  readonly part: 'unit' | 'child' | 'replaced-in' | 'metric' | 'target' | 'statistic';
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
  readonly tree: string | null;
  readonly parent: string | null;
  readonly path: string[] | null;
}

export interface DrillDown {
  readonly unit: TreeUnit;
  /** In code order. */
  readonly children: readonly TreeUnit[];
  readonly figures: Figures;
  /**
   * The tree in force on the period's last day when it took force after the unit's: the unit was
   * replaced (a 2024 district in 2026), and the route reads it as the units that replaced it. A unit
   * in force, or of a later tree asked for an earlier period, has none: no extra round trip.
   */
  readonly replacedIn: string | undefined;
}

const treeUnit = (row: Row): TreeUnit => ({
  treeVersion: row.tree ?? '',
  code: row.code,
  name: row.name,
  parentCode: row.parent,
  path: row.path ?? [],
});

const figureRow = (row: Row): FigureRow => ({ unit: row.code, id: row.name, value: row.value ?? 0 });

/**
 * The unit (undefined when no tree has it), its children and their current figures: the metrics
 * of the indicators asked for (the whole catalog unless told), targets and statistics.
 */
export async function loadDrillDown(
  db: Db,
  code: string,
  period: Period,
  indicators: readonly IndicatorDefinition[] = indicatorCatalog,
): Promise<DrillDown | undefined> {
  const { flow, stock, targets, statistics } = inputsRead(indicators);
  const { rows } = await db.query<Row>({
    ...(period.kind === 'to-date'
      ? { name: 'kpi.drill-down-to-date', text: toDateSql }
      : { name: 'kpi.drill-down', text: drillDownSql }),
    values: [
      code,
      period.key,
      period.firstDay,
      period.lastDay,
      flow,
      stock,
      targets,
      statistics,
      flowCellsOf(period).join(' '),
      targetPeriodOf(period),
    ],
  });
  const unit = rows.find((r) => r.part === 'unit');
  if (!unit) return undefined;
  const of = (part: Row['part']) => rows.filter((r) => r.part === part);
  return {
    unit: treeUnit(unit),
    children: of('child')
      .map(treeUnit)
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    figures: {
      metrics: of('metric').map(figureRow),
      targets: of('target').map(figureRow),
      statistics: of('statistic').map(figureRow),
    },
    replacedIn: rows.find((r) => r.part === 'replaced-in')?.code,
  };
}
