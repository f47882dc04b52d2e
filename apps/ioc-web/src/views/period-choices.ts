// The periods an operations centre reports on, offered under the period box so nobody has to
// remember how a key is spelt: this year and the last, the year to date at the end of last month
// and of each quarter closed this year (the three-, six- and nine-month reports), this quarter and
// the last, this month and the last. Any other key can still be typed.
import { periodBefore, periodHolding, toDateThrough } from '@nhip/contracts/periods';

/** The choices on a Vietnamese calendar day, the most asked first; each key once. */
export function periodChoices(today: string): string[] {
  const [year, quarter, month] = [
    periodHolding('year', today),
    periodHolding('quarter', today),
    periodHolding('month', today),
  ];
  const thisYear = (key: string) => key.startsWith(year.key);
  const lastMonth = periodBefore(month, 1);
  const closedQuarters = [3, 2, 1]
    .map((back) => periodBefore(quarter, back))
    .filter(thisYear)
    .reverse();
  return [
    ...new Set([
      year.key,
      // Through September is through the third quarter: offered once, as the quarter's.
      ...(thisYear(lastMonth) && Number(lastMonth.slice(5)) % 3 !== 0 ? [toDateThrough(lastMonth)] : []),
      ...closedQuarters.map(toDateThrough),
      quarter.key,
      periodBefore(quarter, 1),
      month.key,
      lastMonth,
      periodBefore(year, 1),
    ]),
  ];
}
