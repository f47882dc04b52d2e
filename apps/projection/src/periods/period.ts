// Periods of Vietnam's calendar as the projection reads them: the keys, their kinds, last days and
// the periods before one are the contracts' (`@nhip/contracts`' periods, the KPI service's own);
// here is only what "now" is for a period of a kind. A year to date ("2025-to-06") is read from
// the KPI service and never published, so the stream keeps to the stored kinds (ADR 0057).
import {
  parsePeriod,
  periodHolding,
  throughOf,
  toDateThrough,
  vietnamDay,
  type Period,
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
