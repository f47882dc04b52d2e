// What the write path needs to know about one kind of stream: its pure decider, how its events
// become public messages, and which read model follows it in the same transaction.
import type { Decider, DomainEvent } from '@nhip/decider';
import type { CommandEnvelope, ToOutbox } from './command-handler.ts';
import type { Tx } from './transaction.ts';

export interface Aggregate<Command, Event extends DomainEvent, State> {
  readonly decider: Decider<Command, Event, State>;
  readonly toOutbox: ToOutbox<Command, Event>;
  /** Brings the read model up to date with the new events, in the same transaction. */
  readonly project: (tx: Tx, events: readonly Event[], envelope: CommandEnvelope<Command>) => Promise<void>;
}

/** For aggregates that feed no read model in their own service (others count their events). */
export const noReadModel = (): Promise<void> => Promise.resolve();
