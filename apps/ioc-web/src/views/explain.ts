// The explanation of one number in a dialog: formula and version, numerator and denominator with
// where they come from, the children's contributions, the source events, and the same number as it
// was known at an earlier moment beside today's.
import { ApiError, type Api } from '../api/client.ts';
import type { Explanation } from '../api/types.ts';
import { h } from '../dom.ts';
import { formatCount, formatValue, t } from '../i18n/i18n.ts';
import { periodLabel } from '../i18n/period-label.ts';
import { comparisons, contributions } from './explain-tables.ts';
import { formulaText, sourceLines } from './explain-text.ts';
import { knownAtForm } from './known-at.ts';
import { countText, decimalsOf, nameOf } from './indicator-text.ts';
import { eventRow, eventsTable, type PlaceLinks } from './source-events.ts';

const valueOf = (e: Explanation): string =>
  e.value === null
    ? '—'
    : formatValue(e.value, e.indicator.unit, decimalsOf({ exact: e.exact, unit: e.indicator.unit }));

/** "13.387 / 9.950 = 134,54%" in Vietnamese; a count is its numerator alone. */
export const equationOf = (e: Explanation): string =>
  e.denominator === null
    ? `${countText(e.numerator.figure)} = ${valueOf(e)}`
    : `${countText(e.numerator.figure)} / ${countText(e.denominator.figure)} = ${valueOf(e)}`;

const operandRow = (label: string, operand: Explanation['numerator'] | null) => {
  if (!operand) return null;
  const [first, ...details] = sourceLines(operand);
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, label),
    h('td', {}, countText(operand.figure)),
    h('td', {}, first, ...details.map((line) => h('span', { class: 'source-detail' }, line))),
  );
};

/** Source events a page at a time: enough to check a figure, more on asking. */
const eventsPerPage = 20;

/** The page after a position of the same explanation; none when it cannot be asked for. */
export type NextEvents = (after: string) => Promise<Explanation>;

const statusOf = (error: unknown): string => (error instanceof ApiError ? String(error.status) : '—');

function events(e: Explanation, more?: NextEvents, links?: PlaceLinks): HTMLElement | null {
  if (!e.sourceEvents || e.sourceEvents.items.length === 0) return null;
  let shown = e.sourceEvents.items.length;
  let next = e.sourceEvents.next;
  const row = eventRow(links);
  const rows = h('tbody', {}, ...e.sourceEvents.items.map(row));
  // Focus goes here when the last page is in and the button it was on disappears.
  const count = h(
    'p',
    { class: 'events-shown', 'aria-live': 'polite', tabindex: '-1' },
    t('eventsShown', { count: formatCount(shown) }),
  );
  const failed = h('p', { class: 'events-failed', role: 'alert' });
  const button = h('button', { type: 'button', class: 'more', 'data-role': 'more-events' }, t('moreEvents'));
  button.hidden = !more || next === null;
  const append = (page: Explanation) => {
    const items = page.sourceEvents?.items ?? [];
    rows.append(...items.map(row));
    shown += items.length;
    next = page.sourceEvents?.next ?? null;
    count.textContent = t('eventsShown', { count: formatCount(shown) });
    if (next === null) {
      count.focus();
      button.hidden = true;
    }
  };
  button.addEventListener('click', () => {
    if (!more || next === null) return;
    button.disabled = true;
    failed.textContent = '';
    void more(next)
      .then(append, (error: unknown) => {
        failed.textContent = t('moreFailed', { status: statusOf(error) });
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  return h('div', { class: 'source-events' }, eventsTable(rows), count, failed, button);
}

export function explanationBody(e: Explanation, more?: NextEvents, links?: PlaceLinks): HTMLElement {
  return h(
    'div',
    { class: 'explanation' },
    h('p', { class: 'equation', 'data-role': 'equation' }, equationOf(e)),
    h('p', { class: 'formula', 'data-role': 'formula' }, formulaText(e)),
    h(
      'table',
      { class: 'operands' },
      h('tbody', {}, operandRow(t('numerator'), e.numerator), operandRow(t('denominator'), e.denominator)),
    ),
    comparisons(e),
    e.children.length > 0 ? contributions(e) : null,
    events(e, more, links),
  );
}

export async function openExplain(
  api: Api,
  request: { code: string; indicatorId: string; period: string },
  linkTo?: (code: string) => string,
): Promise<void> {
  const dialog = document.getElementById('explain') as HTMLDialogElement;
  const ask = (options: { knownAt?: string; after?: string; until?: string } = {}) =>
    // Newest first: what an operator looks for is the report behind today's jump.
    api.explain(request.code, request.indicatorId, request.period, {
      ...options,
      limit: eventsPerPage,
      order: 'newest',
    });
  const now = await ask();
  const compare = knownAtForm(now, (at) => ask({ knownAt: at }), { equationOf, statusOf });
  const close = h('button', { type: 'button', class: 'close' }, t('close'));
  close.addEventListener('click', () => dialog.close());
  dialog.replaceChildren(
    h(
      'h2',
      // Focused when the dialog opens (below): left to itself the dialog focuses its first focusable
      // element, the events' count far down, and opens scrolled past the equation.
      { id: 'explain-title', tabindex: '-1' },
      t('explainOf', { name: `${nameOf(now.indicator)} · ${now.unit.name} · ${periodLabel(now.period)}` }),
    ),
    // Later pages list what this figure counted, not what was recorded since it was read.
    explanationBody(
      now,
      (after) => ask({ after, ...(now.sourceEvents?.until ? { until: now.sourceEvents.until } : {}) }),
      linkTo ? { linkTo, leaving: () => dialog.close() } : undefined,
    ),
    compare,
    close,
  );
  dialog.setAttribute('aria-labelledby', 'explain-title');
  if (!dialog.open) dialog.showModal();
  dialog.scrollTop = 0;
  document.getElementById('explain-title')?.focus();
}
