// The periods each open stream carries, one set per period asked: thousands of screens on the same
// year to date share its few dozen keys instead of each holding them (ADR 0060).
import { periodsFollowed, type Period } from '../../periods/period.ts';
import type { StreamFilter } from './sse-connection.ts';

const kept = 256;

export class FollowedPeriods {
  readonly #sets = new Map<string, ReadonlySet<string>>();

  of(period: Period): ReadonlySet<string> {
    const known = this.#sets.get(period.key);
    if (known) return known;
    // Periods asked are few (a screen's year, quarter, month or year to date); a crawler asking
    // every day of a century starts the memo again rather than growing it.
    if (this.#sets.size >= kept) this.#sets.clear();
    const set = new Set(periodsFollowed(period));
    this.#sets.set(period.key, set);
    return set;
  }
}

/** The filter's periods as the change log's replay takes them. */
export const periodsOf = (filter: StreamFilter): string[] | undefined =>
  filter.periods && [...filter.periods];
