// The one write path every service uses: load the stream, fold, decide, append with the version
// we folded, in about thirty lines. Decide and evolve stay pure; ids and time come on the command.
import { fold, type Decider, type DomainEvent } from '@nhip/decider';
import type { PostgresEventStore } from '../event-store/postgres-event-store.ts';
import type { AppendResult, EventMetadata, OutboxMessage, RecordedEvent } from '../event-store/types.ts';
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

export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: PostgresEventStore,
  decider: Decider<Command, Event, State>,
  envelope: CommandEnvelope<Command>,
  toOutbox: ToOutbox<Command, Event> = () => [],
): Promise<HandleResult<Event>> {
  const stream = await store.readStream(envelope.streamId);
  const replayed = findCommandEvents(stream.events, envelope.commandId);
  if (replayed.length > 0) {
    // A retry of a command that already succeeded: answer with what it did, decide nothing anew.
    const last = replayed[replayed.length - 1] as RecordedEvent;
    return {
      events: replayed.map((e) => ({ type: e.type, data: e.data }) as Event),
      append: {
        nextExpectedVersion: last.streamVersion,
        lastGlobalPosition: last.globalPosition,
        alreadyAppended: true,
      },
    };
  }
  const state = fold(
    decider,
    stream.events.map((e) => ({ type: e.type, data: e.data }) as Event),
  );
  const events = decider.decide(envelope.command, state);
  if (events.length === 0) return { events, append: undefined };
  const metadata: EventMetadata = { ...envelope.metadata, causationId: envelope.commandId };
  const append = await store.appendToStream(
    envelope.streamId,
    stream.version === 0 ? 'no_stream' : stream.version,
    events.map((e, i) => ({
      eventId: eventIdFor(envelope.commandId, i),
      type: e.type,
      data: e.data,
      metadata,
    })),
    toOutbox(events, envelope),
  );
  return { events, append };
}

function findCommandEvents(events: readonly RecordedEvent[], commandId: string): RecordedEvent[] {
  const first = eventIdFor(commandId, 0);
  const start = events.findIndex((e) => e.eventId === first);
  if (start < 0) return [];
  return events.slice(start).filter((e) => e.metadata.causationId === commandId);
}
