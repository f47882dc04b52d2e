// Where an operand of an explained number comes from, in the operator's words: the metric or the
// statistic by its name (its id only from a KPI service too old to name it), how a metric is summed,
// a statistic's source and day, and each target with the unit that gave it.
import type { AssignedTarget, Explanation, Indicator, Name, Operand } from '../api/types.ts';
import { currentLang, formatCount, formatDate, formatDay, t } from '../i18n/i18n.ts';
import { periodLabel } from '../i18n/period-label.ts';
import { comparisonParts, shownComparisons } from './comparison-bar.ts';
import { countText } from './indicator-text.ts';

/** Targets listed one by one; beyond these, how many more. */
export const targetsNamed = 5;

const named = (name: Name | undefined, id: string | undefined): string => name?.[currentLang()] ?? id ?? '';

const assignedLine = (a: AssignedTarget): string =>
  t('targetAssigned', {
    by: a.assignedByName ?? a.assignedBy,
    unit: a.unitName ?? a.unitCode,
    value: countText(a.value),
    date: formatDate(a.assignedAt),
  });

function statisticLines(source: Operand['source']): string[] {
  const title = t('sourceStatistic', { statistic: named(source.name, source.statistic) });
  if (source.members) {
    const reported = source.members.filter((m) => !m.missing).length;
    return [title, t('statisticMembers', { reported, total: source.members.length })];
  }
  if (source.missing) return [title, t('statisticMissing')];
  const facts = [source.source, source.asOf && t('statisticAsOf', { date: formatDay(source.asOf) })];
  return [title, facts.filter(Boolean).join(' · ')];
}

/** The lines that say where an operand comes from: its source first, then its details. */
export function sourceLines(operand: Operand): string[] {
  const source = operand.source;
  const metric = named(source.name, source.metric);
  if (source.kind === 'metric')
    return [t('sourceMetric', { metric }), t(source.counts === 'stock' ? 'countsStock' : 'countsFlow')];
  if (source.kind === 'target') {
    // Which period's: a year to date is measured against its year's (from a KPI service that says).
    const title = source.period
      ? t('sourceTargetOf', { metric, period: periodLabel(source.period) })
      : t('sourceTarget', { metric });
    const assigned = source.assigned ?? [];
    if (assigned.length === 0) return [title, t('targetNone')];
    // A province without its own target sums its communes': the first few named, the rest counted.
    const shown = assigned.slice(0, targetsNamed).map(assignedLine);
    const rest = assigned.length - shown.length;
    return [title, ...shown, ...(rest > 0 ? [t('targetMore', { count: rest })] : [])];
  }
  return statisticLines(source);
}

/** An operand as the formula names it: the metric or statistic, or the target assigned for a metric. */
function operandName(operand: Operand): string {
  const { source } = operand;
  const name = named(source.name, source.metric ?? source.statistic);
  return source.kind === 'target' ? t('targetFor', { metric: name }) : `“${name}”`;
}

/**
 * The formula written out with its version: 'Công thức (phiên bản 1): “…VNeID” ÷ chỉ tiêu “…VNeID” được
 * giao × 100'. A count is its numerator alone; a newer version, when there is one, is named.
 */
export function formulaText(e: Explanation): string {
  const { unit, version, latestVersion } = e.indicator;
  const over = e.denominator ? ` ÷ ${operandName(e.denominator)}` : '';
  const scale = e.denominator && unit === 'percent' ? ' × 100' : '';
  const formula = t('formulaLine', { version, formula: `${operandName(e.numerator)}${over}${scale}` });
  return latestVersion > version ? `${formula} (${t('newerVersion', { version: latestVersion })})` : formula;
}

export interface ComparisonRow {
  readonly line: string;
  readonly value: string;
  /** How far the figure is above or below the line, in percentage points; '—' without a figure. */
  readonly gap: string;
  readonly source: string;
}

function gapText(value: number | null, line: number): string {
  if (value === null) return '—';
  // Two decimals, as the figures are shown: a gap that rounds to nothing reads as level.
  const gap = Math.round((value - line) * 100) / 100;
  if (gap === 0) return t('gapLevel');
  return t(gap > 0 ? 'gapAbove' : 'gapBelow', { gap: formatCount(Math.abs(gap), 2) });
}

/** The catalog's comparison lines beside the explained figure, each with its gap and its source. */
export function comparisonRows(
  value: number | null,
  indicator: Pick<Indicator, 'unit' | 'comparisons'>,
): ComparisonRow[] {
  if (indicator.unit !== 'percent') return [];
  return shownComparisons(indicator).map((line) => ({
    ...comparisonParts(line, indicator),
    gap: gapText(value, line.value),
  }));
}
