// One place that knows how a unit of work meets PostgreSQL: a pooled client, BEGIN, COMMIT, and a
// ROLLBACK that cannot hide the error that caused it.
import { beforeAnyWrite, isConnectionError, markFailedBeforeWrite } from '@nhip/postgres';
import type pg from 'pg';
import { ConcurrencyConflict } from '../event-store/errors.ts';

export type Tx = pg.PoolClient;

/**
 * Waits, inside the transaction, until no other transaction writes to the stream, and holds it to
 * the end: writers of one stream take turns instead of failing each other's version check. A
 * command that reads more than its stream before deciding (a carry-over's plan) takes it first.
 */
export async function takeTurnOn(tx: Tx, streamId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [streamId]);
}

/**
 * `snapshot`: a read of several statements that must agree (a figure and the source events listed
 * under it) runs REPEATABLE READ, READ ONLY, every statement seeing the same committed state.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (tx: Tx) => Promise<T>,
  { snapshot = false }: { readonly snapshot?: boolean } = {},
): Promise<T> {
  const tx = await beforeAnyWrite(pool.connect());
  let lost: Error | undefined;
  let commitSent = false;
  try {
    await tx.query(snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
    const result = await work(tx);
    commitSent = true;
    await tx.query('COMMIT');
    return result;
  } catch (error) {
    // Failed before its COMMIT went out, the transaction cannot have committed (docs/adr/0020).
    if (!commitSent) markFailedBeforeWrite(error);
    // A lost connection is not rolled back over (the server does that when it goes) and not
    // handed to the next request: released with the error, the pool discards it.
    if (isConnectionError(error)) lost = error as Error;
    else await tx.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    tx.release(lost);
  }
}

const attempts = 4;

/**
 * `inTransaction`, run again (up to four times) when the failure is one a fresh attempt resolves:
 * a writer from elsewhere moved a stream we decided on, or a concurrent retry of the same command
 * id surfaced as a unique violation on the event id (re-running finds its events and answers
 * with them), or a serialisation failure or deadlock.
 */
export async function inRetriedTransaction<T>(pool: pg.Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(pool, work);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
    }
  }
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return error instanceof ConcurrencyConflict || code === '23505' || code === '40001' || code === '40P01';
}
