// The single-command path for a command that almost always starts its stream (a report under a
// client-chosen id) on an aggregate whose read model lives elsewhere: decide against the initial
// state and append with "no stream yet" in one autocommit statement, one round trip instead of a
// transaction of six. Anything else (the stream exists: a retry or a reused id; the decider
// refuses: perhaps a retry of a command accepted before the facts changed) takes the full path,
// which replays a handled command before deciding anything.
import { DomainRuleViolation, type DomainEvent } from '@nhip/decider';
import type pg from 'pg';
import { ConcurrencyConflict, DuplicateEventId } from '../event-store/errors.ts';
import { PostgresEventStore } from '../event-store/postgres-event-store.ts';
import { noReadModel, type Aggregate } from './aggregate.ts';
import { newEventsFor, type CommandEnvelope, type HandleResult } from './command-handler.ts';
import { executeCommand } from './execute-command.ts';
import { failpoint } from '../failpoints.ts';

export async function executeFirstCommand<Command, Event extends DomainEvent, State>(
  pool: pg.Pool,
  aggregate: Aggregate<Command, Event, State>,
  envelope: CommandEnvelope<Command>,
): Promise<HandleResult<Event>> {
  if (aggregate.project !== noReadModel)
    throw new Error('executeFirstCommand writes no read model: use executeCommand for this aggregate.');
  const fullPath = () => executeCommand(pool, aggregate, () => Promise.resolve(envelope));
  const events = decideOnNothing(aggregate, envelope);
  if (!events || events.length === 0) return fullPath();
  try {
    failpoint('command:before-commit');
    const append = await new PostgresEventStore(pool).appendToStream(
      envelope.streamId,
      'no_stream',
      newEventsFor(events, envelope),
      aggregate.toOutbox(events, envelope),
    );
    if (append.alreadyAppended) return await fullPath();
    // Committed, not yet answered: the client cannot know (the ledger's "unknown").
    failpoint('command:after-commit');
    return { events, append };
  } catch (error) {
    if (error instanceof ConcurrencyConflict || error instanceof DuplicateEventId) return fullPath();
    throw error;
  }
}

/** The events for a stream not born yet; undefined when the decider refuses (the full path judges). */
function decideOnNothing<Command, Event extends DomainEvent, State>(
  aggregate: Aggregate<Command, Event, State>,
  envelope: CommandEnvelope<Command>,
): readonly Event[] | undefined {
  try {
    return aggregate.decider.decide(envelope.command, aggregate.decider.initialState());
  } catch (error) {
    if (error instanceof DomainRuleViolation) return undefined;
    throw error;
  }
}
