// A period as an operator names it, not as the address keys it: "quý III/2025", "lũy kế đến
// 30/06/2025"; "Q3 2025", "year to 30 Jun 2025". Vietnamese write a quarter in Roman numerals.
import { parsePeriod, utcDay, type Period, type PeriodKind } from '@nhip/contracts/periods';
import { currentLang, formatDay } from './i18n.ts';

const roman = ['I', 'II', 'III', 'IV'];
const monthName = (year: string, month: string): string =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    utcDay(Number(year), Number(month) - 1, 1),
  );

// How each kind of period reads, in Vietnamese (`vi`) or English.
const labels: Record<PeriodKind, (period: Period, vi: boolean) => string> = {
  'to-date': (p, vi) => `${vi ? 'lũy kế đến' : 'year to'} ${formatDay(p.lastDay)}`,
  year: (p, vi) => (vi ? `năm ${p.key}` : p.key),
  quarter: (p, vi) => {
    const [year, q = ''] = p.key.split('-Q');
    return vi ? `quý ${roman[Number(q) - 1]}/${year}` : `Q${q} ${year}`;
  },
  month: (p, vi) => {
    const [year = '', month = ''] = p.key.split('-');
    return vi ? `tháng ${Number(month)}/${year}` : monthName(year, month);
  },
  day: (p, vi) => `${vi ? 'ngày ' : ''}${formatDay(p.key)}`,
};

/** The label of a period key; a key naming no period (2025-13) is shown as it is. */
export function periodLabel(key: string): string {
  const period = parsePeriod(key);
  return period ? labels[period.kind](period, currentLang() === 'vi') : key;
}

/** The label heading a view: "Lũy kế đến 30/06/2025". */
export const periodTitle = (key: string): string => {
  const label = periodLabel(key);
  return label.charAt(0).toLocaleUpperCase(currentLang()) + label.slice(1);
};
