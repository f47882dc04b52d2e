// The rebuild's input and output in bulk (ADR 0033, 0038, 0041): the ledger streamed out with COPY (the
// fastest way PostgreSQL hands rows out, no per-row protocol round trip) into the partitioner, and
// the folded cells streamed into the fresh table with COPY, the next partition folded while the
// server takes in the cells merged so far.
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Tx } from '@nhip/event-sourcing';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { LedgerPartitions } from './ledger-partitions.ts';

// Only the columns the fold needs; no ORDER BY: additions do not depend on order.
const readSql = 'COPY (SELECT units, metric, day, delta FROM kpi_deltas) TO STDOUT';
// Columns named: the fresh table is made like the live one, whose column order is not ours to fix.
const writeSql =
  'COPY kpi_rollups_next (unit_code, metric, period, period_kind, value) FROM STDIN WITH (FREEZE)';

/** Every ledger row into the partitioner. The transaction's DateStyle must write days as ISO dates. */
export async function readLedger(tx: Tx, ledger: LedgerPartitions): Promise<void> {
  let rest: Buffer | undefined;
  const lines = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const bytes = rest === undefined ? chunk : Buffer.concat([rest, chunk]);
      const used = ledger.addRows(bytes);
      rest = used < bytes.length ? bytes.subarray(used) : undefined;
      done();
    },
  });
  await pipeline(tx.query(copyTo(readSql)), lines);
}

/** COPY text rows into kpi_rollups_next, created in this transaction (FREEZE needs that). */
export async function writeCells(tx: Tx, rows: AsyncIterable<string>): Promise<number> {
  const stream = tx.query(copyFrom(writeSql));
  // Up to 32 pieces (32 MB) merged ahead of the server: what it takes in while the next partition folds.
  await pipeline(Readable.from(rows, { highWaterMark: 32 }), stream);
  return stream.rowCount;
}
