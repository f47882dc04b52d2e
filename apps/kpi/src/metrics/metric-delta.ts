// A change to one metric on one day in the units it counts in: what every input (an activity, a
// team's change, a member trained) is turned into. Deltas are kept with the event that caused them
// and when it was recorded, so any total can be recomputed, explained and asked "as known at" a
// time; rollups add each one to every unit it counts in.
import type { SourceKind } from '@nhip/contracts';
import type { MetricId } from '../indicators/indicator.ts';

/** What the event that made a delta is about: the activity, team, member or village. */
export interface DeltaSource {
  readonly kind: SourceKind;
  readonly id: string;
}

/** As the ledger stores it: `activity/0190…`. */
export const storedSource = (source: DeltaSource): string => `${source.kind}/${source.id}`;

/** `storedSource` read back; null for a row written before the ledger kept it. */
export function sourceFromStored(stored: string | null): DeltaSource | null {
  const slash = stored?.indexOf('/') ?? -1;
  if (stored === null || slash < 0) return null;
  return { kind: stored.slice(0, slash) as SourceKind, id: stored.slice(slash + 1) };
}

export interface MetricDelta {
  /**
   * The units it counts in. For a count that adds up (residents helped, active teams): the place's
   * path from the province down, in the tree the event was recorded against. For a distinct count
   * (active members): only the units whose number of distinct members changed.
   */
  readonly units: readonly string[];
  readonly metric: MetricId;
  /** Vietnamese calendar day it counts on. */
  readonly day: string;
  readonly delta: number;
  readonly sourceEventId: string;
  readonly source: DeltaSource;
  readonly recordedAt: string;
}
