import { Compile } from 'typebox/compile';
import type { PublicEventDefinition } from './public-event.ts';
import { activityEvents } from './activity/activity-events.ts';
import { kpiEvents } from './kpi/indicator-events.ts';
import { memberEvents } from './registry/member-events.ts';
import { teamEvents } from './registry/team-events.ts';
import { unitEvents } from './registry/unit-events.ts';
import { trainingEvents } from './training/training-events.ts';

/** Every public event type, in the order the AsyncAPI document lists them. */
export const publicEventCatalog: readonly PublicEventDefinition[] = [
  ...unitEvents,
  ...teamEvents,
  ...memberEvents,
  ...activityEvents,
  ...trainingEvents,
  ...kpiEvents,
];

const byType = new Map(publicEventCatalog.map((d) => [d.type, d]));
const validators = new Map(publicEventCatalog.map((d) => [d.type, Compile(d.schema)]));

export function publicEventDefinition(type: string): PublicEventDefinition | undefined {
  return byType.get(type);
}

/**
 * Checks a public event's data against its schema; returns what is wrong, empty when it conforms.
 * Producers call it before writing to the outbox, consumers when reading, tests on examples.
 */
export function publicEventProblems(type: string, data: unknown): string[] {
  const validator = validators.get(type);
  if (!validator) return [`unknown public event type ${type}`];
  if (validator.Check(data)) return [];
  return [...validator.Errors(data)].map((e) => `${e.instancePath || '/'} ${e.message}`);
}
