// What the dashboard needs to know of a period key by itself: its last calendar day (which tree is
// in force, what a year to date runs through). The KPI service owns the rest of the calendar.

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a period key: 2025, 2025-Q3, 2025-07, 2025-07-01, or a year to date's end (2025-to-07). */
export function lastDayOfPeriod(key: string): string {
  const p = key.replace('-to-', '-');
  const [year, part] = [Number(p.slice(0, 4)), p.slice(5)];
  if (part === '') return `${year}-12-31`;
  if (/^\d{2}-\d{2}$/.test(part)) return p;
  const month = part.startsWith('Q') ? Number(part.slice(1)) * 3 : Number(part);
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}
