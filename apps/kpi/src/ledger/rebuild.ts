// Rebuild (ADR 0028, 0033, 0038): the rollup cells computed again from the full ledger into a
// fresh table while the live one keeps serving reads, compared with the live one, and switched in
// only when the two agree. Writers (consumer batches, targets) wait for the rebuild: it holds the
// ledger and the cells in SHARE mode, so what it rebuilt is exactly what the live cells saw. The
// ledger is read once and spilled by partition (about a province), then folded and written one
// partition at a time, so the service's memory is bounded by the largest partition, not the country.
import { inTransaction, type Tx } from '@nhip/event-sourcing';
import type pg from 'pg';
import { readLedger, writeCells } from './bulk-copy.ts';
import { CellOrder } from './cell-order.ts';
import { LedgerPartitions } from './ledger-partitions.ts';
import type { CellMismatch } from './ledger-check.ts';
import { differences } from './rebuild-check.ts';
import { rebuiltRows } from './rebuild-rows.ts';
import { createNextSql, indexOnNextSql, keySecondColumn, liveIndexes, switchSql } from './rebuild-table.ts';

export interface RebuildOutcome {
  /** Ledger rows read. */
  readonly deltas: number;
  /** Cells written to the fresh table (cells that net to 0 are left out, as a missing cell reads 0). */
  readonly cells: number;
  /** Partitions folded one at a time (about one per province). */
  readonly partitions: number;
  /** Cells where the rebuilt and the live value differ (the first 20). */
  readonly mismatches: readonly CellMismatch[];
  readonly switched: boolean;
  readonly millis: { readonly build: number; readonly check: number; readonly total: number };
  /**
   * The build's steps (milliseconds): read and spill the ledger; fold each partition into an ordered
   * run of cells while the server writes the cells already merged (ADR 0041); merge and write the
   * rest; key them; gather the planner's statistics.
   */
  readonly steps: {
    readonly read: number;
    readonly fold: number;
    readonly write: number;
    readonly key: number;
    readonly analyze: number;
  };
  /** The service's largest resident set and heap seen between partitions (bytes). */
  readonly memory: { readonly peakRss: number; readonly peakHeap: number };
}

/**
 * What the rebuild has done so far, told as it goes: at national scale it runs for minutes inside
 * one request, and whoever started it (and whoever watches the service's log) should see how far
 * it is rather than a request that hangs. `ms` counts from the rebuild's start.
 */
type RebuildStep =
  | { readonly step: 'read'; readonly deltas: number; readonly partitions: number }
  | { readonly step: 'fold'; readonly done: number; readonly of: number }
  | { readonly step: 'written'; readonly cells: number }
  | { readonly step: 'keyed' | 'analyzed' | 'switched' | 'kept' }
  | { readonly step: 'checked'; readonly equal: boolean };

export type RebuildProgress = RebuildStep & { readonly ms: number };

export type OnRebuildProgress = (progress: RebuildProgress) => void;

const since = (start: number) => Math.round(performance.now() - start);

class MemoryPeak {
  peakRss = 0;
  peakHeap = 0;

  sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, rss);
    this.peakHeap = Math.max(this.peakHeap, heapUsed);
  }
}

type Built = Pick<RebuildOutcome, 'deltas' | 'cells' | 'partitions' | 'steps' | 'memory'>;

async function build(tx: Tx, tell: (step: RebuildStep) => void): Promise<Built> {
  const memory = new MemoryPeak();
  let start = performance.now();
  const ledger = new LedgerPartitions();
  try {
    await readLedger(tx, ledger);
    const partitions = ledger.partitions();
    memory.sample();
    const read = since(start);
    tell({ step: 'read', deltas: ledger.rows, partitions: partitions.length });
    start = performance.now();
    const order = new CellOrder(ledger, await keySecondColumn(tx));
    await tx.query(createNextSql);
    let fold = 0;
    const onPartition = (done: number) => {
      memory.sample();
      if (done === partitions.length) fold = since(start);
      tell({ step: 'fold', done, of: partitions.length });
    };
    const cells = await writeCells(tx, rebuiltRows(ledger, partitions, order, onPartition));
    const write = since(start) - fold;
    tell({ step: 'written', cells });
    start = performance.now();
    for (const index of await liveIndexes(tx)) await tx.query(indexOnNextSql(index));
    const key = since(start);
    tell({ step: 'keyed' });
    start = performance.now();
    // A fresh table has no statistics until autovacuum gets to it: the reads planned per call
    // (series, explain, knownAt, the check below) would be planned blind for the first minutes
    // after the switch. Gathered here, they are committed with the switch.
    await tx.query('ANALYZE kpi_rollups_next');
    const steps = { read, fold, write, key, analyze: since(start) };
    tell({ step: 'analyzed' });
    return { deltas: ledger.rows, cells, partitions: partitions.length, steps, memory };
  } finally {
    ledger.spill.close();
  }
}

export async function rebuildRollups(
  pool: pg.Pool,
  onProgress: OnRebuildProgress = () => undefined,
): Promise<RebuildOutcome> {
  return inTransaction(pool, async (tx) => {
    const start = performance.now();
    const tell = (step: RebuildStep) => onProgress({ ...step, ms: since(start) });
    // The listing of differing cells joins the two tables; COPY writes a day as text in its ISO
    // form only under this DateStyle.
    await tx.query(`SET LOCAL work_mem = '512MB'`);
    // The key's sort in memory too: keying millions of cells in 64 MB runs spills them several times.
    await tx.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    await tx.query(`SET LOCAL DateStyle = 'ISO, YMD'`);
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('nhip.kpi.rebuild'))`);
    await tx.query('LOCK TABLE kpi_deltas, kpi_rollups IN SHARE MODE');
    const built = await build(tx, tell);
    const buildMillis = since(start);
    const mismatches = await differences(tx);
    const check = since(start) - buildMillis;
    tell({ step: 'checked', equal: mismatches.length === 0 });
    const switched = mismatches.length === 0;
    if (switched) for (const sql of switchSql(await liveIndexes(tx))) await tx.query(sql);
    else await tx.query('DROP TABLE kpi_rollups_next');
    // Told before the commit: 'switched' is what the transaction will make of the table.
    tell({ step: switched ? 'switched' : 'kept' });
    return { ...built, mismatches, switched, millis: { build: buildMillis, check, total: since(start) } };
  });
}
