// What the read-model rebuild needs from an aggregate: which streams are its own, which tables its
// projection writes, and that projection itself, so a replayed stream writes the rows its commands
// wrote when they ran.
import type { DomainEvent } from '@nhip/decider';
import type { CommandEnvelope, Tx } from '@nhip/event-sourcing';

/** What a projection may read of the command it follows: a rebuild has the stream and the
 * metadata of each command, never the command itself. */
export type ProjectedRun = Pick<CommandEnvelope<unknown>, 'streamId' | 'metadata'>;

export interface RebuildHook<Event extends DomainEvent = DomainEvent> {
  /** Every stream of the aggregate is named with this prefix (declared beside its stream name). */
  readonly streamPrefix: string;
  /** The read-model tables the projection writes: emptied before a rebuild. */
  readonly tables: readonly string[];
  /** The aggregate's own `project`, given one command's events at a time. */
  project(tx: Tx, events: readonly Event[], run: ProjectedRun): Promise<void>;
}
