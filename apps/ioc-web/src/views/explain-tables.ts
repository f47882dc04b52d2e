// The tables of an explanation that list things beside the figure: each child unit's share, and the
// catalog's comparison lines with the gap to each.
import type { Explanation } from '../api/types.ts';
import { h } from '../dom.ts';
import { formatValue, t } from '../i18n/i18n.ts';
import { comparisonRows } from './explain-text.ts';
import { countText } from './indicator-text.ts';

/**
 * Each child's numerator and denominator, and for a ratio or per cent its own value beside them:
 * which commune pulls the province's figure down is the question the table is read for.
 */
export function contributions(e: Explanation): HTMLElement {
  const ratio = e.denominator !== null;
  const valueOf = (value: number | null) => formatValue(value, e.indicator.unit, e.indicator.decimals);
  const rows = e.children.map((c) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, c.name),
      h('td', {}, countText(c.numerator)),
      h('td', {}, countText(c.denominator)),
      ratio ? h('td', { 'data-role': 'child-value' }, valueOf(c.value)) : null,
    ),
  );
  const headers = [t('unit'), t('numerator'), t('denominator'), ...(ratio ? [t('value')] : [])];
  return h(
    'table',
    { class: 'contributions' },
    h('caption', {}, t('contributions')),
    h('thead', {}, h('tr', {}, ...headers.map((l) => h('th', { scope: 'col' }, l)))),
    h('tbody', {}, ...rows),
  );
}

/** The catalog's comparison lines with the gap to each and its source, written out (not on hover). */
export function comparisons(e: Explanation): HTMLElement | null {
  const rows = comparisonRows(e.value, e.indicator);
  if (rows.length === 0) return null;
  const headers = [t('comparisonLine'), t('value'), t('comparisonGap'), t('source')];
  return h(
    'table',
    { class: 'comparisons', 'data-role': 'comparisons' },
    h('caption', {}, t('comparisonsCaption')),
    h('thead', {}, h('tr', {}, ...headers.map((l) => h('th', { scope: 'col' }, l)))),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, r.line),
          h('td', {}, r.value),
          h('td', {}, r.gap),
          h('td', {}, r.source),
        ),
      ),
    ),
  );
}
