// given(history).when(command).then(events): a decider spec with no I/O and no framework.
import { isDeepStrictEqual } from 'node:util';
import { fold, type Decider, type DomainEvent } from './decider.ts';

export interface DeciderSpec<Command, Event extends DomainEvent> {
  given(history: readonly Event[]): {
    when(command: Command): {
      /** Asserts exactly these events, in this order. */
      then(expected: readonly Event[]): void;
      /** Asserts the command is refused with this rule code (and optionally this field). */
      thenRefused(code: string, field?: string): void;
    };
  };
}

export class SpecFailure extends Error {
  override readonly name = 'SpecFailure';
}

const show = (value: unknown): string => JSON.stringify(value, null, 2);

export function deciderSpec<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
): DeciderSpec<Command, Event> {
  return {
    given: (history) => ({
      when: (command) => {
        const run = (): readonly Event[] => decider.decide(command, fold(decider, history));
        return {
          then: (expected) => {
            const actual = run();
            if (!isDeepStrictEqual(actual, expected)) {
              throw new SpecFailure(`Expected events:\n${show(expected)}\nbut got:\n${show(actual)}`);
            }
            // Every event decide emits must fold without error, or replay would break later.
            fold(decider, [...history, ...actual]);
          },
          thenRefused: (code, field) => {
            let events: readonly Event[];
            try {
              events = run();
            } catch (error) {
              const e = error as { code?: unknown; field?: unknown };
              if (e.code === code && (field === undefined || e.field === field)) return;
              throw new SpecFailure(
                `Expected refusal ${code}${field ? ` on ${field}` : ''} but got ${String(error)} (code ${String(e.code)}, field ${String(e.field)})`,
              );
            }
            throw new SpecFailure(`Expected refusal ${code} but the command produced:\n${show(events)}`);
          },
        };
      },
    }),
  };
}
