// What a change that counts from a day on may have moved besides that day's own periods. A statistic
// counts for every period ending on or after its date (until the next of its kind), and a stock's
// value at a period's end sums every change before it: either one, arriving late, changes values
// already published for later periods, which the projection and the partners keep until each is
// published again. Every period the unit has anything published for is looked at, not only those of
// the indicators concerned: one not counted before may be counted now. A period with nothing
// published needs nothing: the projection asks the KPI service for a value it has not got (ADR 0035).
import { parsePeriod, periodsOfDay, type PeriodKey } from '../periods/period.ts';

/**
 * Of the periods a unit has published (`published`), those ending on or after `day`, with the first
 * day, month and quarter of each later year among them. A year to date is never published: its
 * stream learns of a change from the periods it is summed from, and takes its year's changes only
 * when they move the target (ADR 0060 addendum). Where the unit has only its year published in a
 * later year (a target assigned, reports after the screen's end), a change dated in an earlier year
 * would reach such a screen through nothing; every year to date of a year follows that year's first
 * day, January or the first quarter.
 */
export function laterPeriods(published: readonly string[], day: string): PeriodKey[] {
  const laterYears = new Set(published.map((p) => p.slice(0, 4)).filter((year) => year > day.slice(0, 4)));
  const starts = [...laterYears].flatMap((year) => periodsOfDay(`${year}-01-01`).slice(0, 3));
  return [...new Set([...published, ...starts])].filter((period) => {
    const lastDay = parsePeriod(period)?.lastDay;
    return lastDay !== undefined && lastDay >= day;
  });
}
