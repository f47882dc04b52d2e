// The unit's indicators as tiles: value (a button that opens its explanation), target, attainment,
// rank among its siblings and a sparkline of the last periods.
import { sparkline } from '../charts.ts';
import type { Summary } from '../api/types.ts';
import { h } from '../dom.ts';
import { formatCount, t } from '../i18n/i18n.ts';
import { attainmentText, countText, nameOf, valueText } from './indicator-text.ts';

export type OpenExplain = (unitCode: string, indicatorId: string) => void;

export function renderTiles(host: HTMLElement, summary: Summary, explain: OpenExplain): void {
  const code = summary.unit.code;
  const tiles = summary.indicators.map((indicator) => {
    const spark = h('div', { class: 'spark', 'aria-hidden': 'true' });
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
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, t('target')),
        h('dd', {}, countText(indicator.target)),
        h('dt', {}, t('attainment')),
        h('dd', {}, attainmentText(indicator)),
        h('dt', {}, t('rank')),
        h('dd', {}, indicator.rank === null ? '—' : formatCount(indicator.rank)),
      ),
      h('p', { class: 'trend-label' }, t('trend')),
      spark,
    );
    tile.querySelector('button')?.addEventListener('click', () => explain(code, indicator.id));
    return { tile, spark, trend: indicator.trend ?? [] };
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

/** A changed value in place: the tile keeps its sparkline and its focus. */
export function refreshTile(
  host: HTMLElement,
  indicator: Summary['indicators'][number],
): Element | undefined {
  const tile = host.querySelector(`[data-ind="${CSS.escape(indicator.id)}"]`);
  if (!tile) return undefined;
  const [target, attainment, rank] = Array.from(tile.querySelectorAll('dd'));
  const value = tile.querySelector('[data-role=value]');
  if (value) {
    value.textContent = valueText(indicator);
    value.classList.toggle('missing', indicator.value === null);
  }
  if (target) target.textContent = countText(indicator.target);
  if (attainment) attainment.textContent = attainmentText(indicator);
  if (rank) rank.textContent = indicator.rank === null ? '—' : formatCount(indicator.rank);
  return tile;
}
