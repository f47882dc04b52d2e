// A service's write path for one command: the generic command handler, run inside one transaction
// together with the read-model update (and any side table such as personal data), so a query right
// after a command sees it, and a refused or failed command leaves nothing behind.
import type { DomainEvent } from '@nhip/decider';
import type pg from 'pg';
import { PostgresEventStore } from '../event-store/postgres-event-store.ts';
import type { Aggregate } from './aggregate.ts';
import { handleCommand, type CommandEnvelope, type HandleResult } from './command-handler.ts';
import { inRetriedTransaction, takeTurnOn, type Tx } from './transaction.ts';
import { failpoint } from '../failpoints.ts';

/**
 * Runs `prepare` (look-ups that the pure decider needs on its command), the command and the
 * projection in one transaction. Writers of one stream take turns on a transaction-scoped lock;
 * should a writer from elsewhere still move the version, the loser re-reads and re-decides.
 */
export async function executeCommand<Command, Event extends DomainEvent, State>(
  pool: pg.Pool,
  aggregate: Aggregate<Command, Event, State>,
  prepare: (tx: Tx) => Promise<CommandEnvelope<Command>>,
  alsoInTransaction: (tx: Tx, result: HandleResult<Event>) => Promise<void> = async () => {},
): Promise<HandleResult<Event>> {
  const result = await inRetriedTransaction(pool, async (tx) => {
    const envelope = await prepare(tx);
    // Writers of one stream queue here instead of failing each other's version check: six
    // members added to a team at once all succeed, one after the other.
    await takeTurnOn(tx, envelope.streamId);
    const result = await handleCommand(
      new PostgresEventStore(tx),
      aggregate.decider,
      envelope,
      aggregate.toOutbox,
    );
    if (result.append && !result.append.alreadyAppended) await aggregate.project(tx, result.events, envelope);
    await alsoInTransaction(tx, result);
    failpoint('command:before-commit');
    return result;
  });
  // Committed, not yet answered: the client cannot know (the ledger's "unknown").
  failpoint('command:after-commit');
  return result;
}
