// Periods of Vietnam's calendar as the KPI service names them: "2025-03-01" (day), "2025-03"
// (month), "2025-Q1" (quarter), "2025" (year). The projection needs their last day (which tree is
// in force) and the periods before one (a trend), nothing else.
export const periodKinds = ['day', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface Period {
  readonly kind: PeriodKind;
  readonly key: string;
  readonly lastDay: string;
}

export const periodPattern = /^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$/;
export const periodRule =
  'must be a day (2025-07-01), a month (2025-07), a quarter (2025-Q3) or a year (2025)';

const patterns: Record<PeriodKind, RegExp> = {
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
const lastMonthOf: Record<Exclude<PeriodKind, 'day'>, (n: number) => number> = {
  month: (n) => n,
  quarter: (n) => n * 3,
  year: () => 12,
};

const isRealDay = (key: string) => isoDay(new Date(`${key}T00:00:00Z`)) === key;

/** The period a key names, or undefined when it names none (2025-02-30, 2025-Q5, 25). */
export function parsePeriod(key: string): Period | undefined {
  const kind = periodKinds.find((k) => patterns[k].test(key));
  if (!kind) return undefined;
  if (kind === 'day') return isRealDay(key) ? { kind, key, lastDay: key } : undefined;
  const [, year = '', n = ''] = patterns[kind].exec(key) ?? [];
  return { kind, key, lastDay: lastDayOf(Number(year), lastMonthOf[kind](Number(n))) };
}

/** The key of the period of the same kind `back` steps before this one. */
export function periodBefore(period: Period, back: number): string {
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
    case 'year':
      return String(y - back);
  }
}

/** The `count` periods ending with this one, oldest first. */
export const lastPeriods = (period: Period, count: number): string[] =>
  Array.from({ length: count }, (_, i) => periodBefore(period, count - 1 - i));

/** The period of a kind holding an instant, in Vietnam (UTC+7): what "now" means for a grain. */
export function currentPeriod(kind: PeriodKind, now = new Date()): Period {
  const day = isoDay(new Date(now.getTime() + 7 * 3_600_000));
  const [y = '', m = ''] = day.split('-');
  const keys: Record<PeriodKind, string> = {
    day,
    month: `${y}-${m}`,
    quarter: `${y}-Q${Math.ceil(Number(m) / 3)}`,
    year: y,
  };
  return parsePeriod(keys[kind]) as Period;
}
