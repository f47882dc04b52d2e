// The decider model: all business rules of a service are two pure functions over plain data.
// Time, ids and the acting user arrive on the command; nothing here reads a clock or a database.

/** A domain event: a discriminated union member with plain, JSON-serialisable data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface Decider<Command, Event extends DomainEvent, State> {
  /** What the stream looks like before its first event. */
  readonly initialState: () => State;
  /** Which events a command causes in a state; throws a DomainRuleViolation to refuse it. */
  readonly decide: (command: Command, state: State) => readonly Event[];
  /** The state after one more event. Must accept every event decide ever produced. */
  readonly evolve: (state: State, event: Event) => State;
}

/**
 * A command refused by a business rule. `code` is stable for clients (and maps to an HTTP status in
 * the adapters); `field` names the input at fault where there is one.
 */
export class DomainRuleViolation extends Error {
  override readonly name = 'DomainRuleViolation';
  readonly code: string;
  readonly field: string | undefined;

  constructor(code: string, message: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: Iterable<Event>,
): State {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
