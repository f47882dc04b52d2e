// Periods of Vietnam's calendar (UTC+7, no daylight saving) that indicators are counted in. A value
// is bucketed by the day things happened, and each day belongs to exactly one day, month, quarter
// and year: a late or corrected report moves those four buckets and no others.
import { vietnamDay } from '@nhip/contracts';

export const periodKinds = ['day', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** A period by its key: "2025-03-01" (day), "2025-03" (month), "2025-Q1" (quarter), "2025" (year). */
export type PeriodKey = string;

const patterns: Record<PeriodKind, RegExp> = {
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
const months: Record<Exclude<PeriodKind, 'day'>, (n: number) => [number, number]> = {
  month: (n) => [n, n],
  quarter: (n) => [n * 3 - 2, n * 3],
  year: () => [1, 12],
};

/** The period a key names, or undefined when it names none (2025-02-30, 2025-Q5, 25). */
export function parsePeriod(key: string): Period | undefined {
  const kind = periodKinds.find((k) => patterns[k].test(key));
  if (!kind) return undefined;
  if (kind === 'day') return isRealDay(key) ? { kind, key, firstDay: key, lastDay: key } : undefined;
  const [, year = '', n = ''] = patterns[kind].exec(key) ?? [];
  const [first, last] = months[kind](Number(n));
  return { kind, key, ...span(Number(year), first, last) };
}

/** The day, month, quarter and year a calendar day belongs to, in that order. */
export function periodsOfDay(day: string): PeriodKey[] {
  const [year = '', month = ''] = day.split('-');
  return [day, `${year}-${month}`, `${year}-Q${Math.ceil(Number(month) / 3)}`, year];
}

/** The periods an instant counts in, by its Vietnamese calendar day. */
export const periodsOfInstant = (instant: string | Date): PeriodKey[] => periodsOfDay(vietnamDay(instant));

/** The period of a kind that holds a day: what "this month" means on that day. */
export function periodOfKind(kind: PeriodKind, day: string): PeriodKey {
  return periodsOfDay(day)[periodKinds.indexOf(kind)] ?? day;
}

const nextDay = (day: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/** The periods of one kind from `from` to `to`, both included, in order: a time series' buckets. */
export function periodsBetween(from: Period, to: Period): PeriodKey[] {
  const keys: PeriodKey[] = [];
  for (let day = from.firstDay; day <= to.lastDay; day = nextDay(day)) {
    const key = periodOfKind(from.kind, day);
    if (keys.at(-1) !== key) keys.push(key);
  }
  return keys;
}
