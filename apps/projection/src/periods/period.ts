// Periods of Vietnam's calendar as the KPI service names them: "2025-03-01" (day), "2025-03"
// (month), "2025-Q1" (quarter), "2025" (year), and a year to date through a day, month or quarter
// ("2025-to-06", which the KPI service reads and never publishes: ADR 0057). The projection needs
// their last day (which tree is in force) and the periods before one (a trend), nothing else.
/** The kinds values are published for, and the stream carries. */
export const periodKinds = ['day', 'month', 'quarter', 'year'] as const;
export type StoredPeriodKind = (typeof periodKinds)[number];
export type PeriodKind = StoredPeriodKind | 'to-date';

export interface Period {
  readonly kind: PeriodKind;
  readonly key: string;
  readonly lastDay: string;
}

/** What the stream carries. */
export const storedPeriodPattern = /^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$/;
export const storedPeriodRule =
  'must be a day (2025-07-01), a month (2025-07), a quarter (2025-Q3) or a year (2025)';
/** What a view reads: a stored period, or a year to date. */
export const periodPattern = /^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?|-to-(Q[1-4]|\d{2}(-\d{2})?))?$/;
export const periodRule =
  'must be a day (2025-07-01), a month (2025-07), a quarter (2025-Q3), a year (2025) or a year to date through a day, month or quarter (2025-to-07-15, 2025-to-06, 2025-to-Q3)';

const patterns: Record<StoredPeriodKind, RegExp> = {
  day: /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/** Last day of a month counted from year 0 (month index 0-based may overflow: Date normalises it). */
const lastDayOf = (year: number, month: number) => isoDay(new Date(Date.UTC(year, month, 0)));

// Each kind's last month, from the number its key carries (month, quarter, or none).
const lastMonthOf: Record<Exclude<StoredPeriodKind, 'day'>, (n: number) => number> = {
  month: (n) => n,
  quarter: (n) => n * 3,
  year: () => 12,
};

const isRealDay = (key: string) => isoDay(new Date(`${key}T00:00:00Z`)) === key;

function parseStored(key: string): Period | undefined {
  const kind = periodKinds.find((k) => patterns[k].test(key));
  if (!kind) return undefined;
  if (kind === 'day') return isRealDay(key) ? { kind, key, lastDay: key } : undefined;
  const [, year = '', n = ''] = patterns[kind].exec(key) ?? [];
  return { kind, key, lastDay: lastDayOf(Number(year), lastMonthOf[kind](Number(n))) };
}

/** The period a key names, or undefined when it names none (2025-02-30, 2025-Q5, 25, 2025-to-2025). */
export function parsePeriod(key: string): Period | undefined {
  const [, year, through] = /^(\d{4})-to-(.+)$/.exec(key) ?? [];
  if (year === undefined) return parseStored(key);
  // `${year}-${through}` is never a year: "2025-to-2025" names "2025-2025", no period.
  const end = parseStored(`${year}-${through}`);
  return end && { kind: 'to-date', key, lastDay: end.lastDay };
}

/**
 * The key of the period of the same kind `back` steps before this one; a year to date steps by its
 * end ("2025-to-06" one back is "2025-to-05", "2025-to-01" is "2024-to-12").
 */
export function periodBefore(period: Period, back: number): string {
  if (period.kind !== 'to-date') return storedBefore(period, back);
  return toDateThrough(storedBefore(throughOf(period), back));
}

/** The day, month or quarter a year to date runs through, and back: "2025-to-06" ⇄ "2025-06". */
const throughOf = (period: Period): Period => parseStored(period.key.replace('-to-', '-')) as Period;
const toDateThrough = (end: string): string => `${end.slice(0, 4)}-to-${end.slice(5)}`;

// The `default` is a year: a year to date never comes here (periodBefore steps by its end).
function storedBefore(period: Period, back: number): string {
  const [y = 0, m = 1, d = 1] = period.key.split(/-Q?/).map(Number);
  switch (period.kind) {
    case 'day':
      return isoDay(new Date(Date.UTC(y, m - 1, d - back)));
    case 'month': {
      const date = new Date(Date.UTC(y, m - 1 - back, 1));
      return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
    }
    case 'quarter': {
      const index = y * 4 + (m - 1) - back;
      return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
    }
    default:
      return String(y - back);
  }
}

/** The `count` periods ending with this one, oldest first. */
export const lastPeriods = (period: Period, count: number): string[] =>
  Array.from({ length: count }, (_, i) => periodBefore(period, count - 1 - i));

/** The period of a kind holding an instant, in Vietnam (UTC+7): what "now" means for a grain. */
export function currentPeriod(kind: StoredPeriodKind, now = new Date()): Period {
  const day = isoDay(new Date(now.getTime() + 7 * 3_600_000));
  const [y = '', m = ''] = day.split('-');
  const keys: Record<StoredPeriodKind, string> = {
    day,
    month: `${y}-${m}`,
    quarter: `${y}-Q${Math.ceil(Number(m) / 3)}`,
    year: y,
  };
  return parsePeriod(keys[kind]) as Period;
}

/** The current period of this one's kind: a year to date runs through the current day, month or quarter. */
export function currentLike(period: Period, now = new Date()): Period {
  if (period.kind !== 'to-date') return currentPeriod(period.kind, now);
  const end = currentPeriod(throughOf(period).kind as StoredPeriodKind, now);
  return parsePeriod(toDateThrough(end.key)) as Period;
}
