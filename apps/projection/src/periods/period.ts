// Periods of Vietnam's calendar as the projection reads them: the keys, their kinds, last days and
// the periods before one are the contracts' (`@nhip/contracts`' periods, the KPI service's own);
// here is only what "now" is for a period of a kind, and what a view of a period follows. A year to
// date ("2025-to-06") is read from the KPI service and never published (ADR 0057): its stream
// carries the changes of the stored periods it is summed from (ADR 0060).
import {
  parsePeriod,
  periodHolding,
  throughOf,
  toDateThrough,
  vietnamDay,
  type Period,
  type PeriodKey,
  type StoredPeriodKind,
} from '@nhip/contracts';

export {
  lastPeriods,
  parsePeriod,
  periodBefore,
  periodPattern,
  periodRule,
  storedPeriodKinds,
  storedPeriodPattern,
  storedPeriodRule,
  type Period,
  type PeriodKind,
  type StoredPeriodKind,
} from '@nhip/contracts';

/** The period of a kind holding an instant, in Vietnam (UTC+7): what "now" means for a grain. */
export const currentPeriod = (kind: StoredPeriodKind, now = new Date()): Period =>
  periodHolding(kind, vietnamDay(now));

/** The current period of this one's kind: a year to date runs through the current day, month or quarter. */
export function currentLike(period: Period, now = new Date()): Period {
  if (period.kind !== 'to-date') return currentPeriod(period.kind, now);
  const end = currentPeriod(throughOf(period).kind as StoredPeriodKind, now);
  return parsePeriod(toDateThrough(end.key)) as Period;
}

const pad = (n: number) => String(n).padStart(2, '0');
const upTo = (count: number, key: (n: number) => string) =>
  Array.from({ length: count }, (_v, i) => key(i + 1));

/**
 * The year a year to date follows only for its target (`StreamFilter.targetOnly`): the view is
 * measured against the year's target but never summed from the year's value, so a report after its
 * end moves the year and not the view. None through the year's last day, when the view is the year's
 * own value (`flowCellsOf`), and none for a stored period.
 */
export function yearForTargetOnly(period: Period): PeriodKey | undefined {
  if (period.kind !== 'to-date') return undefined;
  const year = period.key.slice(0, 4);
  return period.lastDay === `${year}-12-31` ? undefined : year;
}

/**
 * The stored periods whose published changes can move a view of this one: a stored period itself. A
 * year to date is summed from its year's whole quarters, whole months and days up to its end and is
 * measured against the year's target (ADR 0057), and a statistic dated inside it can change a month
 * without the year: so the year, each quarter and month that ends by its end, and the days of its
 * last month through it. A change after its end moves none of these but the year (a report in
 * December is not carried to a screen of the first eleven months by its quarter), and the year's
 * changes reach such a screen only when they move its target (`yearForTargetOnly`).
 */
export function periodsFollowed(period: Period): PeriodKey[] {
  if (period.kind !== 'to-date') return [period.key];
  const year = period.key.slice(0, 4);
  const [month, day] = [Number(period.lastDay.slice(5, 7)), Number(period.lastDay.slice(8))];
  const ended = (key: string) => (parsePeriod(key)?.lastDay ?? '9999') <= period.lastDay;
  const days = throughOf(period).kind === 'day' ? upTo(day, (d) => `${year}-${pad(month)}-${pad(d)}`) : [];
  return [
    year,
    ...upTo(4, (q) => `${year}-Q${q}`).filter(ended),
    ...upTo(12, (m) => `${year}-${pad(m)}`).filter(ended),
    ...days,
  ];
}
