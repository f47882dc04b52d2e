// A period as an operator names it, not as the address keys it: "quý III/2025", "lũy kế đến
// 30/06/2025"; "Q3 2025", "year to 30 Jun 2025". Vietnamese write a quarter in Roman numerals.
import { lastDayOfPeriod } from '../periods.ts';
import { currentLang, formatDay } from './i18n.ts';

const roman = ['I', 'II', 'III', 'IV'];
const monthName = (year: string, month: string): string =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(year), Number(month) - 1, 1)),
  );

// Each shape of key and how it reads, in Vietnamese (`vi`) or English; `g` is a matched group.
type Label = (g: (i: number) => string, vi: boolean) => string;
const shapes: readonly (readonly [RegExp, Label])[] = [
  [/^(\d{4})-to-(.+)$/, (g, vi) => `${vi ? 'lũy kế đến' : 'year to'} ${formatDay(lastDayOfPeriod(g(0)))}`],
  [/^(\d{4})$/, (g, vi) => (vi ? `năm ${g(1)}` : g(1))],
  [/^(\d{4})-Q([1-4])$/, (g, vi) => (vi ? `quý ${roman[Number(g(2)) - 1]}/${g(1)}` : `Q${g(2)} ${g(1)}`)],
  [/^(\d{4})-(\d{2})$/, (g, vi) => (vi ? `tháng ${Number(g(2))}/${g(1)}` : monthName(g(1), g(2)))],
  [/^\d{4}-\d{2}-\d{2}$/, (g, vi) => `${vi ? 'ngày ' : ''}${formatDay(g(0))}`],
];

/** The label of a period key; a key of no known shape is shown as it is. */
export function periodLabel(key: string): string {
  for (const [shape, label] of shapes) {
    const match = shape.exec(key);
    if (match) return label((i) => match[i] ?? '', currentLang() === 'vi');
  }
  return key;
}

/** The label heading a view: "Lũy kế đến 30/06/2025". */
export const periodTitle = (key: string): string => {
  const label = periodLabel(key);
  return label.charAt(0).toLocaleUpperCase(currentLang()) + label.slice(1);
};
