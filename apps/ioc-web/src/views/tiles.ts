// The unit's indicators as tiles: value (a button that opens its explanation), target, attainment,
// rank among its siblings and a sparkline of the last periods.
import { sparkline } from '../charts.ts';
import type { Indicator, Summary } from '../api/types.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import { comparisonParts, drawBullet, shownComparisons } from './comparison-bar.ts';
import { attainmentText, countText, fractionText, nameOf, rankText, valueText } from './indicator-text.ts';

export type OpenExplain = (unitCode: string, indicatorId: string) => void;

/**
 * A count (residents helped) has no target to be held against: "Chỉ tiêu giao — Đạt —" on every
 * such tile said nothing. The cells stay, hidden, so a live refresh finds them where it looks.
 */
const hiddenWithoutTarget = (indicator: Indicator): Record<string, string> =>
  indicator.unit === 'count' && indicator.target === null ? { hidden: '' } : {};

/** Target, attainment and rank; the first two kept (hidden) on a count, for the live refresh. */
function facts(indicator: Indicator): HTMLElement {
  const targetless = hiddenWithoutTarget(indicator);
  return h(
    'dl',
    { class: 'facts' },
    h('dt', targetless, t('target')),
    h('dd', targetless, countText(indicator.target)),
    h('dt', targetless, t('attainment')),
    h('dd', targetless, attainmentText(indicator)),
    h('dt', {}, t('rank')),
    h('dd', {}, rankText(indicator)),
  );
}

export function renderTiles(host: HTMLElement, summary: Summary, explain: OpenExplain): void {
  const code = summary.unit.code;
  const tiles = summary.indicators.map((indicator) => {
    const spark = h('div', { class: 'spark', 'aria-hidden': 'true' });
    const bullet = h('div', { class: 'bullet' });
    const trend = indicator.trend ?? [];
    // A line needs two points: a tile with one period of figures says so instead of an empty box.
    const drawable = trend.filter((p) => p.value !== null).length > 1;
    const tile = h(
      'li',
      { class: 'tile', 'data-unit': code, 'data-ind': indicator.id },
      h('h3', { class: 'tile-name' }, nameOf(indicator)),
      h(
        'button',
        {
          class: indicator.value === null ? 'value missing' : 'value',
          type: 'button',
          title: t('explain'),
          'data-role': 'value',
        },
        valueText(indicator),
      ),
      h('p', { class: 'fraction', 'data-role': 'fraction' }, fractionText(indicator)),
      facts(indicator),
      comparisonFacts(indicator),
      bullet,
      h('p', { class: 'trend-label' }, drawable ? t('trend') : t('trendTooShort')),
      drawable ? spark : null,
    );
    drawBullet(bullet, indicator);
    tile.querySelector('button')?.addEventListener('click', () => explain(code, indicator.id));
    return { tile, spark, trend: drawable ? trend : [] };
  });
  host.replaceChildren(...tiles.map((x) => x.tile));
  for (const { spark, trend } of tiles) {
    if (trend.length > 1)
      sparkline(
        spark,
        trend.map((p) => p.value),
      );
  }
}

/** The lines the indicator is compared with (national average, targets), their sources on hover. */
function comparisonFacts(indicator: Indicator): HTMLElement | null {
  const lines = shownComparisons(indicator);
  if (lines.length === 0) return null;
  return h(
    'dl',
    { class: 'facts comparisons' },
    ...lines.flatMap((line) => {
      const parts = comparisonParts(line, indicator);
      return [h('dt', { title: parts.source }, parts.line), h('dd', { title: parts.source }, parts.value)];
    }),
  );
}

/** A changed value in place: the tile keeps its sparkline and its focus. */
export function refreshTile(
  host: HTMLElement,
  indicator: Summary['indicators'][number],
): Element | undefined {
  const tile = host.querySelector(`[data-ind="${CSS.escape(indicator.id)}"]`);
  if (!tile) return undefined;
  const bullet = tile.querySelector('.bullet');
  if (bullet) drawBullet(bullet, indicator);
  const value = tile.querySelector('[data-role=value]');
  if (value) {
    value.textContent = valueText(indicator);
    value.classList.toggle('missing', indicator.value === null);
  }
  const fraction = tile.querySelector('[data-role=fraction]');
  if (fraction) fraction.textContent = fractionText(indicator);
  const [target, attainment, rank] = Array.from(tile.querySelectorAll('.facts:not(.comparisons) dd'));
  const texts = [countText(indicator.target), attainmentText(indicator), rankText(indicator)];
  [target, attainment, rank].forEach((cell, i) => {
    if (cell) cell.textContent = texts[i] ?? '';
  });
  return tile;
}
