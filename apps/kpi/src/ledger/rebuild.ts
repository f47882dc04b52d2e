// Rebuild (ADR 0028, 0033): the rollup cells computed again from the full ledger into a fresh table
// while the live one keeps serving reads, compared cell by cell with the live one, and switched
// in only when the two agree. Writers (consumer batches, targets) wait for the rebuild: it holds
// the ledger and the cells in SHARE mode, so what it rebuilt is exactly what the live cells saw.
import { inTransaction, type Tx } from '@nhip/event-sourcing';
import type pg from 'pg';
import { writeCells, foldLedger } from './bulk-copy.ts';
import { BulkFold } from './bulk-fold.ts';
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
  /** The build's steps: read and fold the ledger, write the cells, key them (milliseconds). */
  readonly steps: { readonly fold: number; readonly write: number; readonly key: number };
}

// The fresh table as the live one is made, without its key: the rows go in first (ADR 0033).
const createSql = 'CREATE TABLE kpi_rollups_next (LIKE kpi_rollups INCLUDING DEFAULTS)';

// The key after the rows: one sort instead of an index kept in order row by row. Both indexes as
// the migrations make them (ADR 0037): the key by period with the value included, and the stock
// metrics' day cells by metric.
const keySql = [
  `ALTER TABLE kpi_rollups_next ADD CONSTRAINT kpi_rollups_next_pkey
     PRIMARY KEY (unit_code, period, metric) INCLUDE (value)`,
  `CREATE INDEX kpi_rollups_next_stock_days ON kpi_rollups_next (unit_code, metric, period) INCLUDE (value)
    WHERE period_kind = 'day' AND metric NOT LIKE 'residents_helped.%' AND metric NOT LIKE 'activities.%'`,
];

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
  'ALTER INDEX kpi_rollups_next_stock_days RENAME TO kpi_rollups_stock_days',
];

const since = (start: number) => Math.round(performance.now() - start);

/** Folds the whole ledger in memory, writes the cells with COPY, keys them, timing each step. */
async function build(tx: Tx): Promise<{ deltas: number; cells: number; steps: RebuildOutcome['steps'] }> {
  let start = performance.now();
  const fold = new BulkFold();
  await foldLedger(tx, fold);
  const folded = since(start);
  start = performance.now();
  await tx.query(createSql);
  const cells = await writeCells(tx, fold);
  const write = since(start);
  start = performance.now();
  for (const sql of keySql) await tx.query(sql);
  return { deltas: fold.rows, cells, steps: { fold: folded, write, key: since(start) } };
}

export async function rebuildRollups(pool: pg.Pool): Promise<RebuildOutcome> {
  return inTransaction(pool, async (tx) => {
    const start = performance.now();
    // The check's join over every cell would otherwise spill to disk in 4 MB pieces; COPY writes a
    // day as text in its ISO form only under this DateStyle.
    await tx.query(`SET LOCAL work_mem = '512MB'`);
    // The key's sort in memory too: keying millions of cells in 64 MB runs spills them several times.
    await tx.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    await tx.query(`SET LOCAL DateStyle = 'ISO, YMD'`);
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('nhip.kpi.rebuild'))`);
    await tx.query('LOCK TABLE kpi_deltas, kpi_rollups IN SHARE MODE');
    const built = await build(tx);
    const buildMillis = since(start);
    const { rows: mismatches } = await tx.query<CellMismatch>(differencesSql('LIMIT 20'));
    const check = since(start) - buildMillis;
    const switched = mismatches.length === 0;
    if (switched) for (const sql of switchSql) await tx.query(sql);
    else await tx.query('DROP TABLE kpi_rollups_next');
    return { ...built, mismatches, switched, millis: { build: buildMillis, check, total: since(start) } };
  });
}
