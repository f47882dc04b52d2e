// A period as an operator names it, not as the address keys it: "quý III/2025", "lũy kế đến
// 30/06/2025"; "Q3 2025", "year to 30 Jun 2025". Vietnamese write a quarter in Roman numerals.
import { currentLang, formatDay } from './i18n.ts';

const roman = ['I', 'II', 'III', 'IV'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a day, month or quarter key ("2025-06" → "2025-06-30"). */
function lastDayOf(key: string): string {
  const [year, part] = [Number(key.slice(0, 4)), key.slice(5)];
  if (/^\d{2}-\d{2}$/.test(part)) return key;
  const month = part.startsWith('Q') ? Number(part.slice(1)) * 3 : Number(part);
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

const monthName = (year: string, month: string): string =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(year), Number(month) - 1, 1)),
  );

// Each shape of key and how it reads, in Vietnamese (`vi`) or English; `g` is a matched group.
type Label = (g: (i: number) => string, vi: boolean) => string;
const shapes: readonly (readonly [RegExp, Label])[] = [
  [
    /^(\d{4})-to-(.+)$/,
    (g, vi) => `${vi ? 'lũy kế đến' : 'year to'} ${formatDay(lastDayOf(`${g(1)}-${g(2)}`))}`,
  ],
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
