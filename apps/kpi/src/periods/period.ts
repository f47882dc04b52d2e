// Periods of Vietnam's calendar (UTC+7, no daylight saving) that indicators are counted in. A value
// is bucketed by the day things happened, and each day belongs to exactly one day, month, quarter
// and year: a late or corrected report moves those four buckets and no others. A fifth kind is only
// read, never stored: a year to date ("lũy kế từ đầu năm"), summed from the stored ones (ADR 0057).
import { vietnamDay } from '@nhip/contracts';

/** The kinds values are counted and stored in. */
export const periodKinds = ['day', 'month', 'quarter', 'year'] as const;
export type StoredPeriodKind = (typeof periodKinds)[number];
export type PeriodKind = StoredPeriodKind | 'to-date';

/**
 * A period by its key: "2025-03-01" (day), "2025-03" (month), "2025-Q1" (quarter), "2025" (year),
 * or a year to date through a day, month or quarter: "2025-to-03-15", "2025-to-06", "2025-to-Q3".
 */
export type PeriodKey = string;

const patterns: Record<StoredPeriodKind, RegExp> = {
  day: /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

export interface Period {
  readonly kind: PeriodKind;
  readonly key: PeriodKey;
  /** First and last calendar day, inclusive. */
  readonly firstDay: string;
  readonly lastDay: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function span(year: number, firstMonth: number, lastMonth: number): Pick<Period, 'firstDay' | 'lastDay'> {
  return {
    firstDay: `${year}-${pad(firstMonth)}-01`,
    lastDay: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
  };
}

function isRealDay(key: string): boolean {
  const date = new Date(`${key}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === key;
}

// Each kind's first and last month, from the number its key carries (month, quarter, or none).
const months: Record<Exclude<StoredPeriodKind, 'day'>, (n: number) => [number, number]> = {
  month: (n) => [n, n],
  quarter: (n) => [n * 3 - 2, n * 3],
  year: () => [1, 12],
};

function parseStored(key: string): Period | undefined {
  const kind = periodKinds.find((k) => patterns[k].test(key));
  if (!kind) return undefined;
  if (kind === 'day') return isRealDay(key) ? { kind, key, firstDay: key, lastDay: key } : undefined;
  const [, year = '', n = ''] = patterns[kind].exec(key) ?? [];
  const [first, last] = months[kind](Number(n));
  return { kind, key, ...span(Number(year), first, last) };
}

const toDatePattern = /^(\d{4})-to-(.+)$/;

/** The period a key names, or undefined when it names none (2025-02-30, 2025-Q5, 25, 2025-to-2025). */
export function parsePeriod(key: string): Period | undefined {
  const [, year, through] = toDatePattern.exec(key) ?? [];
  if (year === undefined) return parseStored(key);
  // `${year}-${through}` is never a year: "2025-to-2025" names "2025-2025", no period.
  const end = parseStored(`${year}-${through}`);
  return end && { kind: 'to-date', key, firstDay: `${year}-01-01`, lastDay: end.lastDay };
}

/** The day, month or quarter a year to date runs through; the period itself for any other. */
export function throughOf(period: Period): Period {
  if (period.kind !== 'to-date') return period;
  return parseStored(period.key.replace('-to-', '-')) as Period;
}

/**
 * The stored periods whose flows add up to the period's: itself, or for a year to date its whole
 * quarters, then whole months, then days ("2025-to-08-15": Q1, Q2, July, 1–15 August; at most
 * 3 + 2 + 30 cells). Through the year's last day it is the year itself.
 */
export function flowCellsOf(period: Period): PeriodKey[] {
  if (period.kind !== 'to-date') return [period.key];
  const year = Number(period.key.slice(0, 4));
  const [, month = 0, day = 0] = period.lastDay.split('-').map(Number);
  const wholeMonths = day === lastDayOfMonth(year, month) ? month : month - 1;
  if (wholeMonths === 12) return [String(year)];
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

/** The day, month, quarter and year a calendar day belongs to, in that order. */
export function periodsOfDay(day: string): PeriodKey[] {
  const [year = '', month = ''] = day.split('-');
  return [day, `${year}-${month}`, `${year}-Q${Math.ceil(Number(month) / 3)}`, year];
}

/** The periods an instant counts in, by its Vietnamese calendar day. */
export const periodsOfInstant = (instant: string | Date): PeriodKey[] => periodsOfDay(vietnamDay(instant));

/** The period of a kind that holds a day: what "this month" means on that day. */
export function periodOfKind(kind: StoredPeriodKind, day: string): PeriodKey {
  return periodsOfDay(day)[periodKinds.indexOf(kind)] ?? day;
}

const nextDay = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/** What a time series steps by: a stored kind, or a year to date through each day, month or quarter. */
export const grainOf = (period: Period): string =>
  period.kind === 'to-date' ? `year to date through a ${throughOf(period).kind}` : period.kind;

/**
 * The periods of one grain (`grainOf`) from `from` to `to`, both included, in order: a time
 * series' buckets. A year to date steps by its end ("2025-to-05", "2025-to-06", …), starting
 * again at each new year.
 */
export function periodsBetween(from: Period, to: Period): PeriodKey[] {
  if (from.kind === 'to-date') {
    const ends = periodsBetween(throughOf(from), throughOf(to));
    return ends.map((end) => `${end.slice(0, 4)}-to-${end.slice(5)}`);
  }
  const keys: PeriodKey[] = [];
  for (let day = from.firstDay; day <= to.lastDay; day = nextDay(day)) {
    const key = periodOfKind(from.kind, day);
    if (keys.at(-1) !== key) keys.push(key);
  }
  return keys;
}
