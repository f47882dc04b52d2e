// The figures indicators are computed from, for a set of units and one or more periods: metric
// totals (a flow within the period, a stock at its end), the targets assigned and the latest
// statistics. One statement defines what a figure is (ADR 0037): the views read one period, the
// consumer's publishing every period a batch touched, the drill-down embeds it in its own
// statement. With `knownAt`, only what had been recorded by then: metrics are summed from the
// ledger instead of the rollup cells, so a late report is left out.
import type pg from 'pg';
import { indicatorCatalog } from '../indicators/catalog.ts';
import { metricKind } from '../indicators/evaluate.ts';
import type { IndicatorDefinition } from '../indicators/indicator.ts';
import { flowCellsOf, targetPeriodOf, type Period } from '../periods/period.ts';

type Db = Pick<pg.ClientBase, 'query'>;

export interface FigureRow {
  readonly unit: string;
  readonly id: string;
  readonly value: number;
}

export type FigureKind = 'metric' | 'target' | 'statistic';

const isFlowSql = (metric: string) =>
  `(${metric} LIKE 'residents_helped.%' OR ${metric} LIKE 'activities.%')`;

// The predicates of the partial indexes kpi_rollups_stock_days (migration KpiCellsByPeriod) and
// kpi_rollups_stock_spans (KpiStockSpans), written out the same so the planner sees the stock
// branches match them.
const notFlowSql = (r: string) =>
  `${r}.metric NOT LIKE 'residents_helped.%' AND ${r}.metric NOT LIKE 'activities.%'`;
const stockDaysSql = (r: string) => `${r}.period_kind = 'day' AND ${notFlowSql(r)}`;
const stockSpansSql = (r: string) => `${r}.period_kind IN ('month', 'year') AND ${notFlowSql(r)}`;

// What a set of indicators reads: its metrics by kind, so each branch reads the cells by their
// whole key (unit, period, metric) instead of every cell of the unit (a unit holds thousands, a day
// per metric); the metrics it is measured against a target for, and the statistics it divides by.
// A drill-down asking for the residents helped reads no target and no statistic at all.
export interface FigureInputs {
  readonly flow: string[];
  readonly stock: string[];
  readonly targets: string[];
  readonly statistics: string[];
}

export function inputsOf(catalog: readonly IndicatorDefinition[]): FigureInputs {
  const operands = catalog.flatMap((d) => [d.numerator, d.denominator]).filter((o) => o !== undefined);
  const unique = <T extends string>(ids: readonly T[]): T[] => [...new Set(ids)];
  const metrics = unique(operands.flatMap((o) => ('metric' in o ? [o.metric] : [])));
  return {
    flow: metrics.filter((m) => metricKind(m) === 'flow'),
    stock: metrics.filter((m) => metricKind(m) === 'stock'),
    targets: unique(operands.flatMap((o) => ('target' in o ? [o.target] : []))),
    statistics: unique(operands.flatMap((o) => ('statistic' in o ? [o.statistic] : []))),
  };
}
const wholeCatalogInputs = inputsOf(indicatorCatalog);

/**
 * What a read of figures is limited to: what had been recorded by `knownAt` (the current figures
 * without it), and the metrics of `catalog`'s indicators (the whole catalog's without it).
 */
export interface FiguresAsked {
  readonly knownAt?: string | undefined;
  readonly catalog?: readonly IndicatorDefinition[];
}

/** What a read for these indicators needs: the whole catalog's is listed once. */
export const inputsRead = (catalog: readonly IndicatorDefinition[]): FigureInputs =>
  catalog === indicatorCatalog ? wholeCatalogInputs : inputsOf(catalog);

/**
 * Where the statement finds its inputs, as SQL: `$n` placeholders, or what the drill-down computes
 * them with. `keys`, `firstDays`, `lastDays`, `cells` and `targetPeriods` are parallel text arrays,
 * one entry per period; `at` is a timestamptz or NULL (the current figures).
 */
export interface FigureParams {
  readonly units: string;
  readonly keys: string;
  readonly firstDays: string;
  readonly lastDays: string;
  /** The stored periods whose flow cells add up to each period's, space-separated (`flowCellsOf`). */
  readonly cells: string;
  /** The period each one's targets are assigned for (`targetPeriodOf`). */
  readonly targetPeriods: string;
  readonly flow: string;
  readonly stock: string;
  readonly at: string;
  /** The metrics whose targets are read, and the statistics (text arrays). */
  readonly targets: string;
  readonly statistics: string;
}

// A stock at the period's end, by the fewest cells that add up to it (ADR 0044): the year cells of
// the years before, the month cells of that year before its month (one range of the spans index,
// which also passes the earlier years' months, left out), and the day cells of that month up to
// the day. Keys compare as text: 'YYYY' < 'YYYY-01' < 'YYYY-MM' < 'YYYY-MM-DD'.
const stockCellsSql = (p: FigureParams) => {
  const of = (condition: string) => `
    SELECT p.key, r.unit_code, r.metric, r.value FROM p JOIN kpi_rollups r ON ${condition}
     WHERE r.unit_code = ANY(${p.units}) AND r.metric = ANY(${p.stock})`;
  const yearOrMonthBefore = `((length(r.period) = 4 AND r.period < left(p.last_day, 4)) OR r.period >= left(p.last_day, 4) || '-01')`;
  return [
    of(`${stockSpansSql('r')} AND r.period < left(p.last_day, 7) AND ${yearOrMonthBefore}`),
    of(`${stockDaysSql('r')} AND r.period >= left(p.last_day, 7) || '-01' AND r.period <= p.last_day`),
  ].join(' UNION ALL ');
};

/**
 * Where a statement reads the metrics from: each period's own cell, the few cells a year to date
 * sums (`flowCellsOf`), or the ledger (with `knownAt`). Summing is its own statement: grouping
 * every drill-down's single cells, or a second branch beside them, cost the read most screens make
 * 5–30 % (ADR 0057).
 */
export type MetricsFrom = 'cell' | 'cells' | 'ledger';

const flowCellSql = (p: FigureParams) => `
  SELECT 'metric' AS kind, p.key AS period, r.unit_code AS unit, r.metric AS id, r.value::float8 AS value
    FROM p JOIN kpi_rollups r ON r.period = p.key
   WHERE r.unit_code = ANY(${p.units}) AND r.metric = ANY(${p.flow})`;

const flowCellsSql = (p: FigureParams) => `
  SELECT 'metric' AS kind, p.key AS period, r.unit_code AS unit, r.metric AS id, sum(r.value)::float8 AS value
    FROM p JOIN kpi_rollups r ON r.period = ANY(string_to_array(p.cells, ' '))
   WHERE r.unit_code = ANY(${p.units}) AND r.metric = ANY(${p.flow})
   GROUP BY p.key, r.unit_code, r.metric`;

// Current metrics: a flow from its cells, a stock summed to the period's end.
const rollupMetricsSql = (p: FigureParams, summed: boolean) => `
  ${summed ? flowCellsSql(p) : flowCellSql(p)}
  UNION ALL
  SELECT 'metric', s.key, s.unit_code, s.metric, sum(s.value)::float8
    FROM (${stockCellsSql(p)}) s
   GROUP BY s.key, s.unit_code, s.metric`;

// The same metrics as recorded by `at`, from the ledger.
const ledgerMetricsSql = (p: FigureParams) => `
  SELECT 'metric' AS kind, p.key AS period, u.unit, d.metric AS id, sum(d.delta)::float8 AS value
    FROM p JOIN kpi_deltas d ON d.day <= p.last_day::date
         AND (d.day >= p.first_day::date OR NOT ${isFlowSql('d.metric')})
   CROSS JOIN LATERAL unnest(d.units) AS u(unit)
   WHERE d.units && ${p.units}::text[] AND u.unit = ANY(${p.units}) AND d.recorded_at <= ${p.at}::timestamptz
     AND d.metric = ANY(${p.flow}::text[] || ${p.stock}::text[])
   GROUP BY p.key, u.unit, d.metric`;

/**
 * The targets a unit's figure sums, for each of `units`, each period of `periods` (a FROM item with
 * a `key` and the `target_period` its targets are assigned for) and each of the `metrics`: the
 * unit's own target, or else the nearest ones assigned below it. Rows `(key, unit, unit_code,
 * metric, value, assigned_by, assigned_at)`, one per target summed (ADR 0056).
 *
 * The candidates are the targets listed under the unit in `kpi_target_reach` (every target at or
 * below it), found by key. A candidate is hidden when a unit between it and the unit read (that
 * unit included) holds a candidate too, for the same metric and period: anything that could hide a
 * candidate is itself a candidate, so both steps look the candidates up in a hash of themselves.
 * They are written `NOT IN` (the first twice negated) because PostgreSQL keeps such a test as one
 * hashed sub-plan built once; an `IN` or `EXISTS` becomes a join whose method depends on a row
 * count it cannot estimate here, and it chose nested loops that compared every pair (ADR 0056).
 */
export const nearestTargetsSql = (units: string, periods: string, at: string, metrics: string) => `
  WITH candidates AS MATERIALIZED (
    SELECT p.key, u.code AS unit, r.unit_code, r.metric, r.value, r.assigned_by, r.assigned_at, r.between_codes
      FROM unnest(${units}::text[]) AS u(code) CROSS JOIN ${periods}
      JOIN kpi_target_reach r ON r.reach_code = u.code AND r.period = p.target_period AND r.metric = ANY(${metrics}::text[])
     WHERE (${at}::timestamptz IS NULL OR r.assigned_at <= ${at}::timestamptz)),
  hidden AS MATERIALIZED (
    SELECT c.key, c.unit, c.metric, c.unit_code
      FROM candidates c CROSS JOIN LATERAL unnest(c.between_codes) AS between_unit(code)
     WHERE NOT ((c.key, c.unit, c.metric, between_unit.code) NOT IN (SELECT key, unit, metric, unit_code FROM candidates)))
  SELECT c.key, c.unit, c.unit_code, c.metric, c.value, c.assigned_by, c.assigned_at
    FROM candidates c
   WHERE (c.key, c.unit, c.metric, c.unit_code) NOT IN (SELECT key, unit, metric, unit_code FROM hidden)`;

// A unit's targets summed (above); the latest statistic as of the period's end.
const targetsAndStatisticsSql = (p: FigureParams) => `
  SELECT 'target', n.key, n.unit, n.metric, sum(n.value)::float8
    FROM (${nearestTargetsSql(p.units, 'p', p.at, p.targets)}) n
   GROUP BY n.key, n.unit, n.metric
  UNION ALL
  SELECT * FROM (
    SELECT DISTINCT ON (p.key, s.unit_code, s.statistic) 'statistic', p.key, s.unit_code, s.statistic,
           s.value::float8
      FROM p JOIN kpi_statistics s ON s.as_of <= p.last_day::date
     WHERE s.unit_code = ANY(${p.units}) AND s.statistic = ANY(${p.statistics}::text[])
       AND (${p.at}::timestamptz IS NULL OR s.recorded_at <= ${p.at}::timestamptz)
     ORDER BY p.key, s.unit_code, s.statistic, s.as_of DESC) latest`;

/** The one figures statement: rows `(kind, period, unit, id, value)`, its metrics read `from`. */
export const figuresSql = (p: FigureParams, from: MetricsFrom = 'cell') => `
  WITH p AS MATERIALIZED (
    SELECT * FROM unnest(${p.keys}::text[], ${p.firstDays}::text[], ${p.lastDays}::text[],
                         ${p.cells}::text[], ${p.targetPeriods}::text[])
        AS p(key, first_day, last_day, cells, target_period))
  ${from === 'ledger' ? ledgerMetricsSql(p) : rollupMetricsSql(p, from === 'cells')}
  UNION ALL
  ${targetsAndStatisticsSql(p)}`;

export interface Figures {
  readonly metrics: readonly FigureRow[];
  readonly targets: readonly FigureRow[];
  readonly statistics: readonly FigureRow[];
}

export type FigureRowOf = FigureRow & { readonly kind: FigureKind; readonly period: string };

/** Rows of the statement grouped by kind, for one period. */
export function figuresOf(rows: readonly FigureRowOf[]): Figures {
  const of = (kind: FigureKind) =>
    rows.filter((r) => r.kind === kind).map(({ unit, id, value }) => ({ unit, id, value }));
  return { metrics: of('metric'), targets: of('target'), statistics: of('statistic') };
}

const numbered: FigureParams = {
  units: '$1',
  keys: '$2',
  firstDays: '$3',
  lastDays: '$4',
  flow: '$5',
  stock: '$6',
  at: '$7',
  targets: '$8',
  statistics: '$9',
  cells: '$10',
  targetPeriods: '$11',
};
/** The current figures' statement, `$1`…`$11` as `loadFiguresByPeriod` passes them. */
export const currentSql = figuresSql(numbered);
const summedSql = figuresSql(numbered, 'cells');
const knownSql = figuresSql(numbered, 'ledger');

/** What a read of these periods reads its metrics from: a year to date sums cells. */
const metricsFrom = (periods: readonly Period[], knownAt: string | undefined): MetricsFrom =>
  knownAt !== undefined ? 'ledger' : periods.some((p) => p.kind === 'to-date') ? 'cells' : 'cell';
const statements: Record<MetricsFrom, string> = { cell: currentSql, cells: summedSql, ledger: knownSql };

/**
 * The figures of `units` for each period, in one round trip; with `knownAt`, as recorded then.
 * Only the figures of the indicators asked are read (a chart's one indicator reads two at most).
 */
export async function loadFiguresByPeriod(
  db: Db,
  units: readonly string[],
  periods: readonly Period[],
  { knownAt, catalog = indicatorCatalog }: FiguresAsked = {},
): Promise<Map<string, Figures>> {
  const { flow, stock, targets, statistics } = inputsRead(catalog);
  const { rows } = await db.query<FigureRowOf>(statements[metricsFrom(periods, knownAt)], [
    units,
    periods.map((p) => p.key),
    periods.map((p) => p.firstDay),
    periods.map((p) => p.lastDay),
    flow,
    stock,
    knownAt ?? null,
    targets,
    statistics,
    periods.map((p) => flowCellsOf(p).join(' ')),
    periods.map(targetPeriodOf),
  ]);
  const byPeriod = Map.groupBy(rows, (r) => r.period);
  return new Map(periods.map((p) => [p.key, figuresOf(byPeriod.get(p.key) ?? [])]));
}

export async function loadFigures(
  db: Db,
  units: readonly string[],
  period: Period,
  asked: FiguresAsked = {},
): Promise<Figures> {
  return (await loadFiguresByPeriod(db, units, [period], asked)).get(period.key) as Figures;
}
