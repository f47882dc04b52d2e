// Periods of Vietnam's calendar (UTC+7, no daylight saving) by their keys, as the KPI service
// counts indicators in them, its public event carries them and the projection, the dashboard and
// partners read them: one module, so a key one of them takes is a key the others understand. Each
// day belongs to exactly one day, month, quarter and year (the stored kinds); a year to date ("lũy
// kế từ đầu năm") is only read, summed from stored ones (ADR 0057). No TypeBox here: the dashboard
// imports this file alone (`@nhip/contracts/periods`).

/** The kinds values are counted, stored and published in. */
export const storedPeriodKinds = ['day', 'month', 'quarter', 'year'] as const;
export type StoredPeriodKind = (typeof storedPeriodKinds)[number];
export type PeriodKind = StoredPeriodKind | 'to-date';

/**
 * A period by its key: "2025-03-01" (day), "2025-03" (month), "2025-Q1" (quarter), "2025" (year),
 * or a year to date through a day, month or quarter: "2025-to-03-15", "2025-to-06", "2025-to-Q3".
 */
export type PeriodKey = string;

export interface Period {
  readonly kind: PeriodKind;
  readonly key: PeriodKey;
  /** First and last calendar day, inclusive. */
  readonly firstDay: string;
  readonly lastDay: string;
}

// A key's year has four digits and, as asked for, is 1000 or later: "0999" or "0025" is a slip of the
// keyboard, not a period anyone records. Arithmetic below still keeps every year four digits wide.
/** The keys values are stored and published for: what a target is assigned for, what a stream carries. */
export const storedPeriodPattern = /^[1-9]\d{3}(-Q[1-4]|-\d{2}(-\d{2})?)?$/;
export const storedPeriodRule =
  'must be a day (2025-07-01), a month (2025-07), a quarter (2025-Q3) or a year (2025)';
/** The keys a view reads: a stored period, or a year to date through a day, month or quarter. */
export const periodPattern = /^[1-9]\d{3}(-Q[1-4]|-\d{2}(-\d{2})?|-to-(Q[1-4]|\d{2}(-\d{2})?))?$/;
export const periodRule =
  'must be a day (2025-07-01), a month (2025-07), a quarter (2025-Q3), a year (2025) or a year to date through a day, month or quarter (2025-to-07-15, 2025-to-06, 2025-to-Q3)';

const patterns: Record<StoredPeriodKind, RegExp> = {
  day: /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

const pad = (n: number) => String(n).padStart(2, '0');
const yearKey = (year: number) => String(year).padStart(4, '0');
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/** A calendar day of any year: `Date.UTC` reads the years 0–99 as 1900–1999. */
export function utcDay(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}
export const lastDayOfMonth = (year: number, month: number): number => utcDay(year, month, 0).getUTCDate();

// Each kind's first and last month, from the number its key carries (month, quarter, or none).
const months: Record<Exclude<StoredPeriodKind, 'day'>, (n: number) => [number, number]> = {
  month: (n) => [n, n],
  quarter: (n) => [n * 3 - 2, n * 3],
  year: () => [1, 12],
};

// "2025-02-30" matches the pattern and is no day: Date rolls it over to 2 March.
const isRealDay = (key: string): boolean => {
  const date = new Date(`${key}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDay(date) === key;
};

function parseStored(key: string): Period | undefined {
  const kind = storedPeriodKinds.find((k) => patterns[k].test(key));
  if (!kind) return undefined;
  if (kind === 'day') return isRealDay(key) ? { kind, key, firstDay: key, lastDay: key } : undefined;
  const [, y = '', n = ''] = patterns[kind].exec(key) ?? [];
  const [year, [first, last]] = [Number(y), months[kind](Number(n))];
  return {
    kind,
    key,
    firstDay: `${y}-${pad(first)}-01`,
    lastDay: `${y}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`,
  };
}

/** The period a key names, or undefined when it names none (2025-02-30, 2025-Q5, 25, 2025-to-2025). */
export function parsePeriod(key: string): Period | undefined {
  const [, year, through] = /^(\d{4})-to-(.+)$/.exec(key) ?? [];
  if (year === undefined) return parseStored(key);
  // `${year}-${through}` is never a year: "2025-to-2025" names "2025-2025", no period.
  const end = parseStored(`${year}-${through}`);
  return end && { kind: 'to-date', key, firstDay: `${year}-01-01`, lastDay: end.lastDay };
}

/** The day, month or quarter a year to date runs through ("2025-to-06": June); any other period itself. */
export function throughOf(period: Period): Period {
  if (period.kind !== 'to-date') return period;
  return parseStored(period.key.replace('-to-', '-')) as Period;
}

/** The year to date through a day, month or quarter: "2025-06" → "2025-to-06". */
export const toDateThrough = (end: PeriodKey): PeriodKey => `${end.slice(0, 4)}-to-${end.slice(5)}`;

/** The day, month, quarter and year a calendar day belongs to, in that order. */
export function periodsOfDay(day: string): PeriodKey[] {
  const [year = '', month = ''] = day.split('-');
  return [day, `${year}-${month}`, `${year}-Q${Math.ceil(Number(month) / 3)}`, year];
}

/** The period of a kind that holds a day: what "this month" means on that day. */
export function periodOfKind(kind: StoredPeriodKind, day: string): PeriodKey {
  return periodsOfDay(day)[storedPeriodKinds.indexOf(kind)] ?? day;
}

/** The same, parsed: "this quarter" on a day, with its first and last days. */
export const periodHolding = (kind: StoredPeriodKind, day: string): Period =>
  parseStored(periodOfKind(kind, day)) as Period;

// The `default` is a year: a year to date never comes here (periodBefore steps by its end).
function storedBefore(period: Period, back: number): PeriodKey {
  const [y = 0, m = 1, d = 1] = period.key.split(/-Q?/).map(Number);
  switch (period.kind) {
    case 'day':
      return isoDay(utcDay(y, m - 1, d - back));
    case 'month': {
      const date = utcDay(y, m - 1 - back, 1);
      return `${yearKey(date.getUTCFullYear())}-${pad(date.getUTCMonth() + 1)}`;
    }
    case 'quarter': {
      const index = y * 4 + (m - 1) - back;
      return `${yearKey(Math.floor(index / 4))}-Q${(index % 4) + 1}`;
    }
    default:
      return yearKey(y - back);
  }
}

/**
 * The key of the period of the same kind `back` steps before this one; a year to date steps by its
 * end ("2025-to-06" one back is "2025-to-05", "2025-to-01" is "2024-to-12").
 */
export function periodBefore(period: Period, back: number): PeriodKey {
  if (period.kind !== 'to-date') return storedBefore(period, back);
  return toDateThrough(storedBefore(throughOf(period), back));
}

/** The `count` periods ending with this one, oldest first. */
export const lastPeriods = (period: Period, count: number): PeriodKey[] =>
  Array.from({ length: count }, (_, i) => periodBefore(period, count - 1 - i));
