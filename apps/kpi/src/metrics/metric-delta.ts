// A change to one metric at one place on one day: what every input (an activity, a team's change, a
// member trained) is turned into. Deltas are kept at the place they happened, with the event that
// caused them and when it was recorded, so any total can be recomputed, explained and asked "as
// known at" a time; rollups add them up along the place's path.
import type { MetricId } from '../indicators/indicator.ts';

export interface MetricDelta {
  /** From the province down to where it happened, in the tree the event was recorded against. */
  readonly path: readonly string[];
  readonly metric: MetricId;
  /** Vietnamese calendar day it counts on. */
  readonly day: string;
  readonly delta: number;
  readonly sourceEventId: string;
  readonly recordedAt: string;
}
