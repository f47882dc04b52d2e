// The rollup cells are a cache of the ledger (ADR 0026): every cell must equal the sum of the
// deltas that count in it. The query lists the cells that differ, none when the two agree.

export interface CellMismatch {
  readonly unit: string;
  readonly metric: string;
  readonly period: string;
  readonly ledger: number;
  readonly rollup: number;
}

export const ledgerMismatchesSql = `
  WITH recomputed AS (
    SELECT u.unit, d.metric, p.period, sum(d.delta)::float8 AS value
      FROM kpi_deltas d
      CROSS JOIN LATERAL unnest(d.units) AS u(unit)
      CROSS JOIN LATERAL unnest(ARRAY[
        to_char(d.day, 'YYYY-MM-DD'), to_char(d.day, 'YYYY-MM'),
        to_char(d.day, 'YYYY') || '-Q' || extract(quarter FROM d.day), to_char(d.day, 'YYYY')]) AS p(period)
     GROUP BY u.unit, d.metric, p.period),
  cells AS (SELECT unit_code AS unit, metric, period, value::float8 AS value FROM kpi_rollups)
  SELECT coalesce(r.unit, c.unit) AS unit, coalesce(r.metric, c.metric) AS metric,
         coalesce(r.period, c.period) AS period, coalesce(r.value, 0) AS ledger, coalesce(c.value, 0) AS rollup
    FROM recomputed r FULL JOIN cells c USING (unit, metric, period)
   WHERE coalesce(r.value, 0) <> coalesce(c.value, 0)
   LIMIT 100`;
