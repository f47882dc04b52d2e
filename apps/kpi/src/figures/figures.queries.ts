// The figures indicators are computed from, for a set of units and one period: metric totals
// (a flow within the period, a stock at its end), the targets assigned and the latest statistics.
// With `knownAt`, only what had been recorded by then: metrics are summed from the ledger instead
// of the rollup cells, so a late report is left out.
import type pg from 'pg';
import { indicatorCatalog } from '../indicators/catalog.ts';
import { metricKind } from '../indicators/evaluate.ts';
import type { Period } from '../periods/period.ts';

type Db = Pick<pg.Pool, 'query'>;

export interface FigureRow {
  readonly unit: string;
  readonly id: string;
  readonly value: number;
}

const isFlowSql = (metric: string) =>
  `(${metric} LIKE 'residents_helped.%' OR ${metric} LIKE 'activities.%')`;

// The catalog's metrics by kind, so each branch reads the cells by their whole key (unit, metric,
// period) instead of every cell of the unit: a unit holds thousands (a day per metric).
const catalogMetrics = [
  ...new Set(
    indicatorCatalog
      .flatMap((d) => [d.numerator, d.denominator])
      .flatMap((operand) => (operand && 'metric' in operand ? [operand.metric] : [])),
  ),
];
export const flowMetrics = catalogMetrics.filter((m) => metricKind(m) === 'flow');
export const stockMetrics = catalogMetrics.filter((m) => metricKind(m) === 'stock');

/** Where each query finds its inputs: `$n` placeholders, or SQL the drill-down computes them with. */
export interface FigureParams {
  readonly units: string;
  readonly key: string;
  readonly lastDay: string;
  readonly at: string;
}

export const rollupMetricsSql = (p: FigureParams, flow: string, stock: string) => `
  SELECT unit_code AS unit, metric AS id, value::float8 AS value
    FROM kpi_rollups WHERE unit_code = ANY(${p.units}) AND metric = ANY(${flow}) AND period = ${p.key}
  UNION ALL
  SELECT unit_code, metric, sum(value)::float8
    FROM kpi_rollups
   WHERE unit_code = ANY(${p.units}) AND metric = ANY(${stock}) AND period_kind = 'day' AND period <= ${p.lastDay}
   GROUP BY unit_code, metric`;

const ledgerMetricsSql = `
  SELECT u.unit, d.metric AS id, sum(d.delta)::float8 AS value
    FROM kpi_deltas d CROSS JOIN LATERAL unnest(d.units) AS u(unit)
   WHERE d.units && $1::text[] AND u.unit = ANY($1) AND d.recorded_at <= $4::timestamptz
     AND d.day <= $3::date AND (d.day >= $2::date OR NOT ${isFlowSql('d.metric')})
   GROUP BY u.unit, d.metric`;

/** A unit's own target, or else the sum of the nearest targets assigned below it. */
export const targetsSql = (p: FigureParams) => `
  SELECT u.code AS unit, t.metric AS id, sum(t.value)::float8 AS value
    FROM unnest(${p.units}::text[]) AS u(code)
    JOIN kpi_targets t ON t.period = ${p.key} AND u.code = ANY(t.unit_path)
   WHERE (${p.at}::timestamptz IS NULL OR t.assigned_at <= ${p.at}::timestamptz)
     AND NOT EXISTS (
       SELECT 1 FROM kpi_targets t2
        WHERE t2.metric = t.metric AND t2.period = t.period AND t2.unit_code <> t.unit_code
          AND t2.unit_code = ANY(t.unit_path) AND u.code = ANY(t2.unit_path)
          AND (${p.at}::timestamptz IS NULL OR t2.assigned_at <= ${p.at}::timestamptz))
   GROUP BY u.code, t.metric`;

export const statisticsSql = (p: FigureParams) => `
  SELECT DISTINCT ON (unit_code, statistic) unit_code AS unit, statistic AS id, value::float8 AS value
    FROM kpi_statistics
   WHERE unit_code = ANY(${p.units}) AND as_of <= ${p.lastDay}::date
     AND (${p.at}::timestamptz IS NULL OR recorded_at <= ${p.at}::timestamptz)
   ORDER BY unit_code, statistic, as_of DESC`;

export interface Figures {
  readonly metrics: readonly FigureRow[];
  readonly targets: readonly FigureRow[];
  readonly statistics: readonly FigureRow[];
}

const numbered: FigureParams = { units: '$1', key: '$2', lastDay: '$2', at: '$3' };

export async function loadFigures(
  db: Db,
  units: readonly string[],
  period: Period,
  knownAt?: string,
): Promise<Figures> {
  // Side by side on a pool (one round trip instead of three); a transaction's client queues them.
  const at = knownAt ?? null;
  const [m, t, s] = await Promise.all([
    knownAt === undefined
      ? db.query<FigureRow>(rollupMetricsSql({ ...numbered, lastDay: '$3' }, '$4', '$5'), [
          units,
          period.key,
          period.lastDay,
          flowMetrics,
          stockMetrics,
        ])
      : db.query<FigureRow>(ledgerMetricsSql, [units, period.firstDay, period.lastDay, knownAt]),
    db.query<FigureRow>(targetsSql(numbered), [units, period.key, at]),
    db.query<FigureRow>(statisticsSql({ ...numbered, lastDay: '$2' }), [units, period.lastDay, at]),
  ]);
  return { metrics: m.rows, targets: t.rows, statistics: s.rows };
}
