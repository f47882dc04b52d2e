// P7's peer: the same ledger rows read sequentially, every column, with a fold that does nothing
// but count them: the least a rebuild that reads the history out can cost. COPY is the fastest
// way PostgreSQL hands rows out. The server-side scan (no rows leave the server) is reported
// beside it: a rebuild done inside the database could in principle approach it.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

export interface ReadRate {
  readonly rows: number;
  readonly perSecond: number;
}

export async function rawRead(db: pg.Pool): Promise<ReadRate> {
  const client = await db.connect();
  try {
    let rows = 0;
    const start = performance.now();
    const fold = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
        done();
      },
    });
    await pipeline(client.query(copyTo('COPY (SELECT * FROM kpi_deltas ORDER BY id) TO STDOUT')), fold);
    return { rows, perSecond: rows / ((performance.now() - start) / 1000) };
  } finally {
    client.release();
  }
}

export async function serverScan(db: pg.Pool): Promise<ReadRate> {
  const start = performance.now();
  const { rows } = await db.query<{ n: string }>(
    'SELECT count(*) AS n, sum(delta + cardinality(units) + length(metric)) FROM kpi_deltas',
  );
  const n = Number(rows[0]?.n ?? 0);
  return { rows: n, perSecond: n / ((performance.now() - start) / 1000) };
}
