// The one write path every service uses: load the stream, fold, decide, append with the version
// we folded. Decide and evolve stay pure; ids and time come on the command. The single and the
// batched path share `decideOnStream` and `newEventsFor`, so a command is judged the same way
// whether it came alone or in a file of a hundred thousand.
import { fold, type Decider, type DomainEvent } from '@nhip/decider';
import type { PostgresEventStore, StreamRead } from '../event-store/postgres-event-store.ts';
import type {
  AppendResult,
  EventMetadata,
  NewEvent,
  OutboxMessage,
  RecordedEvent,
} from '../event-store/types.ts';
import { eventIdFor } from './deterministic-id.ts';

export interface CommandEnvelope<Command> {
  /** Client-supplied or request-derived; the same id means the same command (idempotency). */
  readonly commandId: string;
  readonly streamId: string;
  readonly command: Command;
  readonly metadata: Omit<EventMetadata, 'causationId'>;
}

export interface HandleResult<Event extends DomainEvent> {
  readonly events: readonly Event[];
  readonly append: AppendResult | undefined;
}

/** Maps the new domain events to the public integration events written with them. */
export type ToOutbox<Command, Event extends DomainEvent> = (
  events: readonly Event[],
  envelope: CommandEnvelope<Command>,
) => readonly OutboxMessage[];

export type Decision<Event extends DomainEvent> =
  /** The command was handled before: these are its events, decided nothing anew. */
  | { readonly replayed: true; readonly events: readonly Event[]; readonly last: RecordedEvent }
  | { readonly replayed: false; readonly events: readonly Event[] };

export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: PostgresEventStore,
  decider: Decider<Command, Event, State>,
  envelope: CommandEnvelope<Command>,
  toOutbox: ToOutbox<Command, Event> = () => [],
): Promise<HandleResult<Event>> {
  const stream = await store.readStream(envelope.streamId);
  const decision = decideOnStream(decider, stream, envelope);
  if (decision.replayed) {
    const { last } = decision;
    const append = {
      nextExpectedVersion: last.streamVersion,
      lastGlobalPosition: last.globalPosition,
      alreadyAppended: true,
    };
    return { events: decision.events, append };
  }
  const { events } = decision;
  if (events.length === 0) return { events, append: undefined };
  const append = await store.appendToStream(
    envelope.streamId,
    stream.version === 0 ? 'no_stream' : stream.version,
    newEventsFor(events, envelope),
    toOutbox(events, envelope),
  );
  return { events, append };
}

/** A retry of a handled command answers with its events; anything else is folded and decided. */
export function decideOnStream<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  stream: StreamRead,
  envelope: CommandEnvelope<Command>,
): Decision<Event> {
  const replayed = findCommandEvents(stream.events, envelope.commandId);
  const last = replayed.at(-1);
  // The stream holds what this decider wrote (upcast to current shapes on read).
  const asEvent = (e: RecordedEvent) => ({ type: e.type, data: e.data }) as Event;
  if (last) return { replayed: true, events: replayed.map(asEvent), last };
  const state = fold(decider, stream.events.map(asEvent));
  return { replayed: false, events: decider.decide(envelope.command, state) };
}

/** Event ids derive from the command id, so a retried append is recognised as the same one. */
export function newEventsFor(events: readonly DomainEvent[], envelope: CommandEnvelope<unknown>): NewEvent[] {
  const metadata: EventMetadata = { ...envelope.metadata, causationId: envelope.commandId };
  return events.map((e, i) => ({
    eventId: eventIdFor(envelope.commandId, i),
    type: e.type,
    data: e.data,
    metadata,
  }));
}

function findCommandEvents(events: readonly RecordedEvent[], commandId: string): RecordedEvent[] {
  // A stream not born yet (every line of a bulk upload, as a rule) holds no earlier attempt.
  if (events.length === 0) return [];
  const first = eventIdFor(commandId, 0);
  const start = events.findIndex((e) => e.eventId === first);
  if (start < 0) return [];
  return events.slice(start).filter((e) => e.metadata.causationId === commandId);
}
