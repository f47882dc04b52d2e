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

/** One input at fault and why, in words a client can act on. */
export interface RuleProblem {
  readonly code: string;
  readonly field: string;
  readonly reason: string;
}

/**
 * A command refused by a business rule. `code` is stable for clients (and maps to an HTTP status in
 * the adapters); `field` names the input at fault where there is one. A command judged on several
 * rules at once (an activity report) carries every problem found, the first one leading.
 */
export class DomainRuleViolation extends Error {
  override readonly name = 'DomainRuleViolation';
  readonly code: string;
  readonly field: string | undefined;
  readonly problems: readonly RuleProblem[];

  constructor(code: string, message: string, field?: string, problems?: readonly RuleProblem[]) {
    super(message);
    this.code = code;
    this.field = field;
    this.problems = problems ?? (field === undefined ? [] : [{ code, field, reason: message }]);
  }

  /** Refuses with every problem found; the first one gives the code clients switch on. */
  static of(problems: readonly RuleProblem[]): DomainRuleViolation {
    const [first] = problems;
    if (!first) throw new TypeError('A refusal names at least one problem.');
    const message = problems.map((p) => `${p.field}: ${p.reason}`).join(' ');
    return new DomainRuleViolation(first.code, message, first.field, problems);
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
