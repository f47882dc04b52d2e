// The rebuild's input and output in bulk (ADR 0033): the ledger streamed out with COPY (the fastest
// way PostgreSQL hands rows out, no per-row protocol round trip) into the fold, and the folded
// cells streamed into the fresh table with COPY.
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import type { Tx } from '@nhip/event-sourcing';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { BulkFold } from './bulk-fold.ts';

// Only the columns the fold needs; no ORDER BY: additions do not depend on order.
const readSql = 'COPY (SELECT units, metric, day, delta FROM kpi_deltas) TO STDOUT';
const writeSql =
  'COPY kpi_rollups_next (unit_code, metric, period, period_kind, value) FROM STDIN WITH (FREEZE)';

/** Every ledger row into the fold. The transaction's DateStyle must write days as ISO dates. */
export async function foldLedger(tx: Tx, fold: BulkFold): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const lines = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = rest + decoder.write(chunk);
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        fold.addLine(text.slice(start, end));
        start = end + 1;
      }
      rest = text.slice(start);
      done();
    },
  });
  await pipeline(tx.query(copyTo(readSql)), lines);
}

/** The folded cells into kpi_rollups_next, created in this transaction (FREEZE needs that). */
export async function writeCells(tx: Tx, fold: BulkFold): Promise<number> {
  const stream = tx.query(copyFrom(writeSql));
  await pipeline(Readable.from(fold.copyText()), stream);
  return stream.rowCount;
}
