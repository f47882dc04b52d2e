// The batched write path: many commands, one transaction per batch, each command decided by the
// same decider as if it came alone. Bulk uploads use it, so a rule added to a decider applies to
// them too. Streams born by the batch go in with one statement (appendNewStreams); a command on a
// stream that already exists is appended on its own, after the others' streams are locked.
import { DomainRuleViolation, type DomainEvent } from '@nhip/decider';
import type pg from 'pg';
import { PostgresEventStore, type StreamRead } from '../event-store/postgres-event-store.ts';
import type { NewEvent } from '../event-store/types.ts';
import type { Aggregate } from './aggregate.ts';
import { decideOnStream, newEventsFor, type CommandEnvelope } from './command-handler.ts';
import { inRetriedTransaction, takeTurnOn, type Tx } from './transaction.ts';

export type CommandOutcome<Event extends DomainEvent> =
  | { readonly status: 'appended'; readonly events: readonly Event[] }
  /** This command id was handled before: its stored events, nothing decided anew. */
  | { readonly status: 'replayed'; readonly events: readonly Event[] }
  /** The decider found nothing to change. */
  | { readonly status: 'unchanged' }
  | { readonly status: 'refused'; readonly violation: DomainRuleViolation }
  /** Another transaction created the stream between our read and our insert. */
  | { readonly status: 'raced' };

interface Decided<Command, Event extends DomainEvent> {
  readonly envelope: CommandEnvelope<Command>;
  readonly stream: StreamRead;
  readonly events: readonly Event[];
}

/**
 * Runs `prepare` (the look-ups every command of the batch needs, set-based) and the commands in
 * one transaction. Outcomes come back in the order of the envelopes. Stream ids must be unique in
 * a batch: two commands on one stream would need each other's result, which is the single path.
 */
export async function executeCommands<Command, Event extends DomainEvent, State>(
  pool: pg.Pool,
  aggregate: Aggregate<Command, Event, State>,
  prepare: (tx: Tx) => Promise<readonly CommandEnvelope<Command>[]>,
): Promise<CommandOutcome<Event>[]> {
  // A writer from elsewhere moved a stream we decided on: the whole batch re-reads and re-decides.
  return inRetriedTransaction(pool, async (tx) => decideAndAppend(tx, aggregate, await prepare(tx)));
}

/**
 * The same, inside a transaction the caller holds: commands of one aggregate type written with
 * another's (a commune's villages and the teams moved into them) commit or fail together.
 */
export const executeCommandsIn = decideAndAppend;

async function decideAndAppend<Command, Event extends DomainEvent, State>(
  tx: Tx,
  aggregate: Aggregate<Command, Event, State>,
  envelopes: readonly CommandEnvelope<Command>[],
): Promise<CommandOutcome<Event>[]> {
  const store = new PostgresEventStore(tx);
  const streams = await store.readStreams(envelopes.map((e) => e.streamId));
  const { outcomes, born, grown } = classify(aggregate, envelopes, streams);
  const created = await appendBorn(store, aggregate, born);
  for (const d of born) outcomes.set(d.envelope, created.has(d.envelope.streamId) ? appended(d) : raced);
  for (const d of await appendGrown(tx, store, aggregate, grown)) outcomes.set(d.envelope, appended(d));
  for (const d of [...born, ...grown])
    if (outcomes.get(d.envelope)?.status === 'appended') await aggregate.project(tx, d.events, d.envelope);
  return envelopes.map((e) => outcomes.get(e) ?? { status: 'unchanged' });
}

/** Decides every command; what needs no append gets its outcome now, the rest waits by kind. */
function classify<Command, Event extends DomainEvent, State>(
  aggregate: Aggregate<Command, Event, State>,
  envelopes: readonly CommandEnvelope<Command>[],
  streams: ReadonlyMap<string, StreamRead>,
) {
  const outcomes = new Map<CommandEnvelope<Command>, CommandOutcome<Event>>();
  const born: Decided<Command, Event>[] = [];
  const grown: Decided<Command, Event>[] = [];
  for (const envelope of envelopes) {
    const stream = streams.get(envelope.streamId) ?? { version: 0, events: [] };
    const judged = judge(aggregate, stream, envelope);
    if (judged.status !== 'decided') outcomes.set(envelope, judged);
    else if (stream.version === 0 && judged.events.length === 1)
      born.push({ envelope, stream, events: judged.events });
    else grown.push({ envelope, stream, events: judged.events });
  }
  return { outcomes, born, grown };
}

/** A refusal becomes an outcome of its own command, never the failure of the whole batch. */
function judge<Command, Event extends DomainEvent, State>(
  aggregate: Aggregate<Command, Event, State>,
  stream: StreamRead,
  envelope: CommandEnvelope<Command>,
): CommandOutcome<Event> | { readonly status: 'decided'; readonly events: readonly Event[] } {
  try {
    const decision = decideOnStream(aggregate.decider, stream, envelope);
    if (decision.replayed) return { status: 'replayed', events: decision.events };
    return decision.events.length === 0
      ? { status: 'unchanged' }
      : { status: 'decided', events: decision.events };
  } catch (error) {
    if (error instanceof DomainRuleViolation) return { status: 'refused', violation: error };
    throw error;
  }
}

/** Streams born with one event each: one statement for all of them (the bulk ingest's case). */
function appendBorn<Command, Event extends DomainEvent, State>(
  store: PostgresEventStore,
  aggregate: Aggregate<Command, Event, State>,
  born: readonly Decided<Command, Event>[],
): Promise<ReadonlySet<string>> {
  return store.appendNewStreams(
    born.map(({ envelope, events }) => ({
      streamId: envelope.streamId,
      event: newEventsFor(events, envelope)[0] as NewEvent,
      outbox: aggregate.toOutbox(events, envelope),
    })),
  );
}

/** Everything else, one stream at a time with its expected version, as the single path does. */
async function appendGrown<Command, Event extends DomainEvent, State>(
  tx: Tx,
  store: PostgresEventStore,
  aggregate: Aggregate<Command, Event, State>,
  grown: Decided<Command, Event>[],
): Promise<readonly Decided<Command, Event>[]> {
  // Sorted, so two batches touching the same streams lock them in the same order.
  grown.sort((a, b) => (a.envelope.streamId < b.envelope.streamId ? -1 : 1));
  for (const { envelope, stream, events } of grown) {
    await takeTurnOn(tx, envelope.streamId);
    const expected = stream.version === 0 ? 'no_stream' : stream.version;
    await store.appendToStream(
      envelope.streamId,
      expected,
      newEventsFor(events, envelope),
      aggregate.toOutbox(events, envelope),
    );
  }
  return grown;
}

const appended = <Event extends DomainEvent>(d: { events: readonly Event[] }): CommandOutcome<Event> => ({
  status: 'appended',
  events: d.events,
});
const raced = { status: 'raced' } as const;
