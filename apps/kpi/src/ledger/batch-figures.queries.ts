// What publishing a batch reads, for all the periods it touched at once: each statement a round
// trip, and a batch touches four periods (day, month, quarter, year), so reading them period by
// period cost the consumer's transaction ~30 round trips instead of these 3 (ADR 0034). The figures
// are those of figures.queries.ts `loadFigures` without `knownAt` (the current value), keyed by
// period; figures-by-period.int.spec.ts holds the two to the same answer.
import type { Tx } from '@nhip/event-sourcing';
import type { FigureRow, Figures } from '../figures/figures.queries.ts';
import { flowMetrics, stockMetrics } from '../figures/figures.queries.ts';
import type { Period } from '../periods/period.ts';

/** Metric cells, targets and statistics in one statement, each row tagged with its kind and period. */
const figuresSql = `
  WITH p AS (SELECT * FROM unnest($2::text[], $3::text[]) AS p(key, last_day))
  SELECT 'metric' AS kind, p.key AS period, r.unit_code AS unit, r.metric AS id, r.value::float8 AS value
    FROM p JOIN kpi_rollups r ON r.period = p.key
   WHERE r.unit_code = ANY($1) AND r.metric = ANY($4)
  UNION ALL
  SELECT 'metric', p.key, r.unit_code, r.metric, sum(r.value)::float8
    FROM p JOIN kpi_rollups r ON r.period_kind = 'day' AND r.period <= p.last_day
   WHERE r.unit_code = ANY($1) AND r.metric = ANY($5)
   GROUP BY p.key, r.unit_code, r.metric
  UNION ALL
  SELECT 'target', p.key, u.code, t.metric, sum(t.value)::float8
    FROM unnest($1::text[]) AS u(code) CROSS JOIN p
    JOIN kpi_targets t ON t.period = p.key AND u.code = ANY(t.unit_path)
   WHERE NOT EXISTS (
       SELECT 1 FROM kpi_targets t2
        WHERE t2.metric = t.metric AND t2.period = t.period AND t2.unit_code <> t.unit_code
          AND t2.unit_code = ANY(t.unit_path) AND u.code = ANY(t2.unit_path))
   GROUP BY p.key, u.code, t.metric
  UNION ALL
  SELECT * FROM (
    SELECT DISTINCT ON (p.key, s.unit_code, s.statistic) 'statistic', p.key, s.unit_code, s.statistic,
           s.value::float8
      FROM p JOIN kpi_statistics s ON s.as_of <= p.last_day::date
     WHERE s.unit_code = ANY($1)
     ORDER BY p.key, s.unit_code, s.statistic, s.as_of DESC) latest`;

type Kind = 'metric' | 'target' | 'statistic';

/** The figures of `units` for each period, read in one round trip. */
export async function loadFiguresByPeriod(
  tx: Tx,
  units: readonly string[],
  periods: readonly Period[],
): Promise<Map<string, Figures>> {
  const { rows } = await tx.query<FigureRow & { kind: Kind; period: string }>(figuresSql, [
    units,
    periods.map((p) => p.key),
    periods.map((p) => p.lastDay),
    flowMetrics,
    stockMetrics,
  ]);
  const byPeriod = new Map<string, Record<Kind, FigureRow[]>>(
    periods.map((p) => [p.key, { metric: [], target: [], statistic: [] }]),
  );
  for (const { kind, period, unit, id, value } of rows)
    byPeriod.get(period)?.[kind].push({ unit, id, value });
  return new Map(
    [...byPeriod].map(([key, f]) => [key, { metrics: f.metric, targets: f.target, statistics: f.statistic }]),
  );
}

export interface Sibling {
  readonly code: string;
  readonly parentCode: string;
}

/**
 * For each period's last day, the touched units' siblings (themselves included) in the tree in
 * force that day, in code order: the units a value is ranked among.
 */
export async function siblingsByDay(
  tx: Tx,
  touched: readonly { unit: string; lastDay: string }[],
): Promise<Map<string, Sibling[]>> {
  const { rows } = await tx.query<Sibling & { lastDay: string }>(
    `WITH t AS (SELECT * FROM unnest($1::text[], $2::date[]) AS t(unit, last_day)),
     trees AS (
       SELECT DISTINCT ON (d.last_day) d.last_day, tr.tree_version
         FROM (SELECT DISTINCT last_day FROM t) d
         JOIN kpi_unit_trees tr ON tr.effective_from <= d.last_day
        ORDER BY d.last_day, tr.effective_from DESC)
     SELECT DISTINCT to_char(t.last_day, 'YYYY-MM-DD') AS "lastDay", s.code, s.parent_code AS "parentCode"
       FROM t JOIN trees USING (last_day)
       JOIN kpi_units u ON u.tree_version = trees.tree_version AND u.code = t.unit
       JOIN kpi_units s ON s.tree_version = trees.tree_version AND s.parent_code = u.parent_code
      ORDER BY 1, s.code`,
    [touched.map((t) => t.unit), touched.map((t) => t.lastDay)],
  );
  return Map.groupBy(rows, (r) => r.lastDay);
}
