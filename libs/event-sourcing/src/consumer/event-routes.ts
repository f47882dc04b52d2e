// Consumers dispatch on the contracts' event declarations, not on type strings: a handler for an
// event receives its data typed by the declaration's schema, checked against it at run time first.
// Data that breaks its contract throws, so the consumer runtime retries and then dead-letters the
// message with the reason, and the partition keeps flowing.
import { publicEventProblems, type PublicEventDefinition } from '@nhip/contracts';
import type { Static, TObject } from 'typebox';
import type { Tx } from '../command/transaction.ts';
import type { IncomingEvent } from './incoming-event.ts';

export interface EventRoute {
  readonly definition: PublicEventDefinition;
  readonly apply: (data: unknown, tx: Tx, event: IncomingEvent) => Promise<unknown>;
}

export const on = <Schema extends TObject>(
  definition: PublicEventDefinition<Schema>,
  apply: (data: Static<Schema>, tx: Tx, event: IncomingEvent) => Promise<unknown>,
): EventRoute => ({ definition, apply: (data, tx, event) => apply(data as Static<Schema>, tx, event) });

export interface EventRouter {
  /** Types routed or deliberately ignored; anything else on the topics is dead-lettered as unknown. */
  readonly isKnownType: (type: string) => boolean;
  /** Applies a batch in the consumer's transaction, in order. */
  readonly handle: (events: readonly IncomingEvent[], tx: Tx) => Promise<void>;
}

/**
 * `ignored` lists the declarations on the same topics that this consumer reads past: they are still
 * checked against their contract (a broken one is poison whoever reads it), then skipped.
 */
export function routeEvents(
  routes: readonly EventRoute[],
  ignored: readonly PublicEventDefinition[] = [],
): EventRouter {
  const byType = new Map(routes.map((r) => [r.definition.type, r]));
  const known = new Set([...byType.keys(), ...ignored.map((d) => d.type)]);
  return {
    isKnownType: (type) => known.has(type),
    handle: async (events, tx) => {
      for (const event of events) {
        const problems = publicEventProblems(event.type, event.data);
        if (problems.length > 0)
          throw new Error(`${event.type} ${event.id} breaks its contract: ${problems.join('; ')}`);
        await byType.get(event.type)?.apply(event.data, tx, event);
      }
    },
  };
}
