// Periods of Vietnam's calendar as the KPI service reads them: the keys, their kinds and days are
// the contracts' (`@nhip/contracts`' periods, shared with the projection, the dashboard and the
// public event); here is what only the KPI service computes over them. A value is bucketed by the
// day things happened, so a late or corrected report moves that day's four stored periods and no
// others; a year to date is summed from stored cells (ADR 0057).
import { lastDayOfMonth, periodBefore, throughOf, type Period, type PeriodKey } from '@nhip/contracts';

export { parsePeriod, periodsOfDay, type Period, type PeriodKey } from '@nhip/contracts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The stored periods whose flows add up to the period's: itself, or for a year to date its whole
 * quarters, then whole months, then days ("2025-to-08-15": Q1, Q2, July, 1–15 August; at most
 * 3 + 2 + 30 cells). Through the year's last day it is the year itself.
 */
export function flowCellsOf(period: Period): PeriodKey[] {
  if (period.kind !== 'to-date') return [period.key];
  const year = period.key.slice(0, 4);
  const [, month = 0, day = 0] = period.lastDay.split('-').map(Number);
  const wholeMonths = day === lastDayOfMonth(Number(year), month) ? month : month - 1;
  if (wholeMonths === 12) return [year];
  const wholeQuarters = Math.floor(wholeMonths / 3);
  const count = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  return [
    ...count(wholeQuarters).map((q) => `${year}-Q${q}`),
    ...count(wholeMonths - wholeQuarters * 3).map((m) => `${year}-${pad(wholeQuarters * 3 + m)}`),
    ...(wholeMonths < month ? count(day).map((d) => `${year}-${pad(month)}-${pad(d)}`) : []),
  ];
}

/** The period a target is assigned for that the period is measured against: a year to date, its year's. */
export const targetPeriodOf = (period: Period): PeriodKey =>
  period.kind === 'to-date' ? period.key.slice(0, 4) : period.key;

/** What a time series steps by: a stored kind, or a year to date through each day, month or quarter. */
export const grainOf = (period: Period): string =>
  period.kind === 'to-date' ? `year to date through a ${throughOf(period).kind}` : period.kind;

/**
 * The periods of one grain (`grainOf`) from `from` to `to`, both included, in order: a time
 * series' buckets. A year to date steps by its end ("2025-to-05", "2025-to-06", …), starting
 * again at each new year. Counted back from `to` (keys of one grain sort as their periods do),
 * at most `limit` of them: a series asked over centuries of days stops at its cap, not at the end.
 */
export function periodsBetween(from: Period, to: Period, limit = Infinity): PeriodKey[] {
  const keys: PeriodKey[] = [];
  for (let back = 0; keys.length < limit; back++) {
    const key = periodBefore(to, back);
    if (key < from.key) break;
    keys.push(key);
  }
  return keys.reverse();
}
