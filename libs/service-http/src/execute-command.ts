// A service's write path: the generic command handler, run inside one transaction together with
// the read-model update (and any side table such as personal data), so a query right after a
// command sees it, and a refused or failed command leaves nothing behind.
import type { Decider, DomainEvent } from '@nhip/decider';
import {
  ConcurrencyConflict,
  handleCommand,
  PostgresEventStore,
  type CommandEnvelope,
  type HandleResult,
  type ToOutbox,
} from '@nhip/event-sourcing';
import type pg from 'pg';

export type Tx = pg.PoolClient;

export interface CommandSlice<Command, Event extends DomainEvent, State> {
  readonly decider: Decider<Command, Event, State>;
  readonly toOutbox: ToOutbox<Command, Event>;
  /** Brings the read model up to date with the new events, in the same transaction. */
  readonly project: (tx: Tx, events: readonly Event[], envelope: CommandEnvelope<Command>) => Promise<void>;
}

const attempts = 4;

/**
 * Runs `prepare` (look-ups that the pure decider needs on its command), the command and the
 * projection in one transaction. Writers of one stream take turns on a transaction-scoped lock;
 * should a writer from elsewhere still move the version, the loser re-reads and re-decides.
 */
export async function executeCommand<Command, Event extends DomainEvent, State>(
  pool: pg.Pool,
  slice: CommandSlice<Command, Event, State>,
  prepare: (tx: Tx) => Promise<CommandEnvelope<Command>>,
  alsoInTransaction: (tx: Tx, result: HandleResult<Event>) => Promise<void> = async () => {},
): Promise<HandleResult<Event>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(pool, async (tx) => {
        const envelope = await prepare(tx);
        // Writers of one stream queue here instead of failing each other's version check: six
        // members added to a team at once all succeed, one after the other.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [envelope.streamId]);
        const result = await handleCommand(
          new PostgresEventStore(tx),
          slice.decider,
          envelope,
          slice.toOutbox,
        );
        if (result.append && !result.append.alreadyAppended) await slice.project(tx, result.events, envelope);
        await alsoInTransaction(tx, result);
        return result;
      });
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
    }
  }
}

export async function inTransaction<T>(pool: pg.Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = await pool.connect();
  try {
    await tx.query('BEGIN');
    const result = await work(tx);
    await tx.query('COMMIT');
    return result;
  } catch (error) {
    await tx.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    tx.release();
  }
}

// A concurrent retry of the same command id surfaces as a unique violation on the event id
// inside our transaction; re-running finds the first attempt's events and answers with them.
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return error instanceof ConcurrencyConflict || code === '23505' || code === '40001' || code === '40P01';
}
