// The children ranked on the chosen indicator, laggards first (no value counts as lagging), each a
// link one level down and its value a button that opens its explanation.
import type { ChildUnit, Summary } from '../api/types.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';
import type { OpenExplain } from './tiles.ts';
import { attainmentText, countText, fractionText, nameOf, rankText, valueText } from './indicator-text.ts';

const valueOf = (child: ChildUnit, id: string): number | null =>
  child.indicators.find((i) => i.id === id)?.value ?? null;

// Ties in Vietnamese order, numbers as numbers: Thôn 2 before Thôn 10, as a commune lists its villages.
export const byName = new Intl.Collator('vi', { numeric: true });

export function laggardsFirst(children: readonly ChildUnit[], id: string): ChildUnit[] {
  return [...children].sort((a, b) => {
    const [x, y] = [valueOf(a, id), valueOf(b, id)];
    if (x === null || y === null) return x === y ? byName.compare(a.name, b.name) : x === null ? -1 : 1;
    return x - y || byName.compare(a.name, b.name);
  });
}

export interface TableOptions {
  readonly summary: Summary;
  readonly indicatorId: string;
  readonly linkTo: (code: string) => string;
  readonly explain: OpenExplain;
}

function row(child: ChildUnit, options: TableOptions): HTMLTableRowElement | undefined {
  const indicator = child.indicators.find((i) => i.id === options.indicatorId);
  if (!indicator) return undefined;
  const button = h(
    'button',
    { type: 'button', class: indicator.value === null ? 'value missing' : 'value', title: t('explain') },
    valueText(indicator),
  );
  button.addEventListener('click', () => options.explain(child.code, indicator.id));
  return h(
    'tr',
    { 'data-unit': child.code, 'data-ind': indicator.id },
    h('th', { scope: 'row' }, h('a', { href: options.linkTo(child.code) }, child.name)),
    h('td', {}, button, h('span', { class: 'fraction' }, fractionText(indicator))),
    h('td', {}, countText(indicator.target)),
    h('td', {}, attainmentText(indicator)),
    h('td', {}, rankText(indicator)),
  );
}

export function renderTable(host: HTMLElement, options: TableOptions): void {
  const chosen = options.summary.indicators.find((i) => i.id === options.indicatorId);
  const rows = laggardsFirst(options.summary.children, options.indicatorId).flatMap(
    (c) => row(c, options) ?? [],
  );
  host.replaceChildren(
    h(
      'table',
      { class: 'children' },
      h('caption', {}, `${t('children')}: ${chosen ? nameOf(chosen) : options.indicatorId}`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[t('unit'), t('value'), t('target'), t('attainment'), t('rank')].map((label) =>
            h('th', { scope: 'col' }, label),
          ),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}
