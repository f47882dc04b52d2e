// Rebuild (ADR 0028): the rollup cells computed again from the full ledger into a fresh table
// while the live one keeps serving reads, compared cell by cell with the live one, and switched
// in only when the two agree. Writers (consumer batches, targets) wait for the rebuild: it holds
// the ledger and the cells in SHARE mode, so what it rebuilt is exactly what the live cells saw.
import { inTransaction } from '@nhip/event-sourcing';
import type pg from 'pg';
import type { CellMismatch } from './ledger-check.ts';

export interface RebuildOutcome {
  /** Ledger rows read. */
  readonly deltas: number;
  /** Cells written to the fresh table (cells that net to 0 are left out, as a missing cell reads 0). */
  readonly cells: number;
  /** Cells where the rebuilt and the live value differ (the first 20). */
  readonly mismatches: readonly CellMismatch[];
  readonly switched: boolean;
  readonly millis: { readonly build: number; readonly check: number; readonly total: number };
}

// Day cells per unit first (one pass over the ledger), months from the days, quarters and years
// from the months: a delta is unnested once per unit on its path, not once per unit and period.
// Sums in float8 (exact below 2^53) instead of numeric, which sum(bigint) would use; CREATE TABLE
// AS, unlike INSERT, lets the server read the ledger with parallel workers.
const buildSql = `
  CREATE TABLE kpi_rollups_next AS
  WITH unit_days AS MATERIALIZED (
    SELECT u.unit, d.metric, d.day, sum(d.delta::float8) AS value
      FROM kpi_deltas d CROSS JOIN LATERAL unnest(d.units) AS u(unit)
     GROUP BY u.unit, d.metric, d.day),
  unit_months AS MATERIALIZED (
    SELECT unit, metric, date_trunc('month', day)::date AS month, sum(value) AS value
      FROM unit_days GROUP BY unit, metric, date_trunc('month', day)::date)
  SELECT unit AS unit_code, metric, day::text AS period, 'day'::text AS period_kind, value::bigint AS value
    FROM unit_days WHERE value <> 0
  UNION ALL
  SELECT unit, metric, to_char(month, 'YYYY-MM'), 'month', value::bigint FROM unit_months WHERE value <> 0
  UNION ALL
  SELECT unit, metric, to_char(min(month), 'YYYY') || '-Q' || extract(quarter FROM min(month)), 'quarter',
         sum(value)::bigint
    FROM unit_months GROUP BY unit, metric, date_trunc('quarter', month) HAVING sum(value) <> 0
  UNION ALL
  SELECT unit, metric, to_char(min(month), 'YYYY'), 'year', sum(value)::bigint
    FROM unit_months GROUP BY unit, metric, date_trunc('year', month) HAVING sum(value) <> 0`;

// The key after the rows: one sort instead of an index kept in order row by row.
const keySql = `
  ALTER TABLE kpi_rollups_next ALTER COLUMN period_kind SET NOT NULL, ALTER COLUMN value SET NOT NULL,
    ADD CONSTRAINT kpi_rollups_next_pkey PRIMARY KEY (unit_code, metric, period)`;

const differencesSql = (limit: string) => `
  SELECT coalesce(n.unit_code, l.unit_code) AS unit, coalesce(n.metric, l.metric) AS metric,
         coalesce(n.period, l.period) AS period, coalesce(n.value, 0)::float8 AS ledger,
         coalesce(l.value, 0)::float8 AS rollup
    FROM kpi_rollups_next n FULL JOIN kpi_rollups l USING (unit_code, metric, period)
   WHERE coalesce(n.value, 0) <> coalesce(l.value, 0) ${limit}`;

const switchSql = [
  'ALTER TABLE kpi_rollups RENAME TO kpi_rollups_replaced',
  'ALTER TABLE kpi_rollups_next RENAME TO kpi_rollups',
  'DROP TABLE kpi_rollups_replaced',
  'ALTER TABLE kpi_rollups RENAME CONSTRAINT kpi_rollups_next_pkey TO kpi_rollups_pkey',
];

const since = (start: number) => Math.round(performance.now() - start);

export async function rebuildRollups(pool: pg.Pool): Promise<RebuildOutcome> {
  return inTransaction(pool, async (tx) => {
    const start = performance.now();
    // The aggregation over the whole ledger would otherwise spill to disk in 4 MB pieces; a day
    // as text is its ISO form only under this DateStyle.
    await tx.query(`SET LOCAL work_mem = '512MB'`);
    await tx.query(`SET LOCAL DateStyle = 'ISO, YMD'`);
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('nhip.kpi.rebuild'))`);
    await tx.query('LOCK TABLE kpi_deltas, kpi_rollups IN SHARE MODE');
    const built = await tx.query(buildSql);
    await tx.query(keySql);
    const { rows: read } = await tx.query<{ n: string }>('SELECT count(*) AS n FROM kpi_deltas');
    const build = since(start);
    const { rows: mismatches } = await tx.query<CellMismatch>(differencesSql('LIMIT 20'));
    const check = since(start) - build;
    const switched = mismatches.length === 0;
    if (switched) for (const sql of switchSql) await tx.query(sql);
    else await tx.query('DROP TABLE kpi_rollups_next');
    return {
      deltas: Number(read[0]?.n ?? 0),
      cells: built.rowCount ?? 0,
      mismatches,
      switched,
      millis: { build, check, total: since(start) },
    };
  });
}
