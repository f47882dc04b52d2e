// One place that knows how a unit of work meets PostgreSQL: a pooled client, BEGIN, COMMIT, and a
// ROLLBACK that cannot hide the error that caused it.
import { isConnectionError } from '@nhip/postgres';
import type pg from 'pg';

export type Tx = pg.PoolClient;

export async function inTransaction<T>(pool: pg.Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = await pool.connect();
  let lost: Error | undefined;
  try {
    await tx.query('BEGIN');
    const result = await work(tx);
    await tx.query('COMMIT');
    return result;
  } catch (error) {
    // A lost connection is not rolled back over (the server does that when it goes) and not
    // handed to the next request: released with the error, the pool discards it.
    if (isConnectionError(error)) lost = error as Error;
    else await tx.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    tx.release(lost);
  }
}

// A concurrent retry of the same command id surfaces as a unique violation on the event id inside
// our transaction; re-running finds the first attempt's events and answers with them.
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === '40001' || code === '40P01';
}
