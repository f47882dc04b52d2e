// Activity events as metric deltas. A correction or a void carries neither the place nor the day of
// the report it changes, so the service keeps what it counted for each activity (its fact) and takes
// back exactly that: a corrected report moves the periods of the day it happened, never the day of
// the correction.
import { vietnamDay, type ActivityKind, type ActivityLoggedData } from '@nhip/contracts';
import type { MetricDelta } from './metric-delta.ts';

export interface ActivityFact {
  readonly activityId: string;
  readonly kind: ActivityKind;
  readonly residentsHelped: number;
  readonly placePath: readonly string[];
  readonly day: string;
  readonly voided: boolean;
}

interface Envelope {
  readonly eventId: string;
  readonly recordedAt: string;
}
export type ActivityInput =
  | (Envelope & { readonly type: 'logged'; readonly data: ActivityLoggedData })
  | (Envelope & { readonly type: 'corrected'; readonly kind: ActivityKind; readonly residentsHelped: number })
  | (Envelope & { readonly type: 'voided' });

export interface ActivityOutcome {
  readonly fact: ActivityFact | undefined;
  readonly deltas: readonly MetricDelta[];
  /** A correction or void for an activity never logged here: kept aside, counted nowhere. */
  readonly orphan?: true;
}

function counted(fact: ActivityFact, sign: 1 | -1, input: Envelope): MetricDelta[] {
  const at = {
    units: fact.placePath,
    day: fact.day,
    sourceEventId: input.eventId,
    source: { kind: 'activity' as const, id: fact.activityId },
    recordedAt: input.recordedAt,
  };
  return [
    { ...at, metric: `residents_helped.${fact.kind}`, delta: sign * fact.residentsHelped },
    { ...at, metric: `activities.${fact.kind}`, delta: sign },
  ];
}

function logged(
  fact: ActivityFact | undefined,
  input: Extract<ActivityInput, { type: 'logged' }>,
): ActivityOutcome {
  if (fact) return { fact, deltas: [] };
  const { data } = input;
  const first: ActivityFact = {
    activityId: data.activityId,
    kind: data.kind,
    residentsHelped: data.residentsHelped,
    placePath: data.placePath,
    day: vietnamDay(data.occurredAt),
    voided: false,
  };
  return { fact: first, deltas: counted(first, 1, input) };
}

function corrected(
  fact: ActivityFact,
  input: Extract<ActivityInput, { type: 'corrected' }>,
): ActivityOutcome {
  if (fact.voided || (fact.kind === input.kind && fact.residentsHelped === input.residentsHelped)) {
    return { fact, deltas: [] };
  }
  const next: ActivityFact = { ...fact, kind: input.kind, residentsHelped: input.residentsHelped };
  return { fact: next, deltas: [...counted(fact, -1, input), ...counted(next, 1, input)] };
}

/** What an activity event changes in the metrics, given what was counted for it before. */
export function activityMetrics(fact: ActivityFact | undefined, input: ActivityInput): ActivityOutcome {
  if (input.type === 'logged') return logged(fact, input);
  if (!fact) return { fact, deltas: [], orphan: true };
  if (input.type === 'corrected') return corrected(fact, input);
  return fact.voided
    ? { fact, deltas: [] }
    : { fact: { ...fact, voided: true }, deltas: counted(fact, -1, input) };
}
