// How an indicator reads on screen: its name in the language in force, its value with its own
// number of decimals, and why a value is missing.
import type { Indicator } from '../api/types.ts';
import { currentLang, formatValue, t } from '../i18n/i18n.ts';

export const nameOf = (indicator: Pick<Indicator, 'name'>): string => indicator.name[currentLang()];

/** Decimals as the service wrote the value ("134.54" → 2, "0.2" → 1), per cents 2 by default. */
export function decimalsOf(indicator: Pick<Indicator, 'exact' | 'unit'>): number {
  const written = indicator.exact?.split('.')[1]?.length;
  return written ?? (indicator.unit === 'percent' ? 2 : 0);
}

export const valueText = (indicator: Indicator): string =>
  indicator.value === null
    ? missingText(indicator.missing)
    : formatValue(indicator.value, indicator.unit, decimalsOf(indicator));

export function missingText(missing: string | null): string {
  if (missing === 'no-target') return t('noTarget');
  if (missing === 'no-statistic') return t('noStatistic');
  if (missing === 'zero-denominator') return t('zeroDenominator');
  return t('noValue');
}

export const attainmentText = (indicator: Indicator): string =>
  indicator.attainment === null ? '—' : formatValue(indicator.attainment, 'percent', 2);

export const rankText = (indicator: Pick<Indicator, 'rank'>): string =>
  indicator.rank === null ? '—' : formatValue(indicator.rank, 'count', 0);

export const countText = (n: number | null): string => (n === null ? '—' : formatValue(n, 'count', 0));

/**
 * What a ratio or per cent is made of, "212.108 / 617.300": the count behind a percentage of a
 * target (VNeID accounts created) is what an operator reports upward, and a village without a
 * target of its own still has its count. Empty for a count, which is its own figure.
 */
export function fractionText(indicator: Pick<Indicator, 'unit' | 'numerator' | 'denominator'>): string {
  if (indicator.unit === 'count' || indicator.numerator === null) return '';
  return `${countText(indicator.numerator)} / ${countText(indicator.denominator)}`;
}
