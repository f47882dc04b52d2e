// The search box on every view: the registry's unit search in the tree of the chosen date, as the
// user types; results outside the caller's area are not offered (its page could not be read).
import type { Api } from '../api/client.ts';
import type { FoundUnit } from '../api/types.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/i18n.ts';

export interface SearchOptions {
  readonly api: Api;
  readonly asOf: () => string;
  readonly home: string | undefined;
  readonly linkTo: (code: string) => string;
}

const inArea = (unit: FoundUnit & { path?: readonly string[] }, home: string | undefined): boolean =>
  home === undefined || unit.code === home || (unit.path ?? []).includes(home);

export function searchBox(options: SearchOptions): HTMLElement {
  const input = h('input', {
    type: 'search',
    id: 'unit-search',
    autocomplete: 'off',
    placeholder: t('searchPlaceholder'),
    'aria-controls': 'search-results',
  });
  const results = h('ul', { id: 'search-results', class: 'search-results', 'aria-live': 'polite' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return results.replaceChildren();
    timer = setTimeout(() => void show(q), 200);
  });
  const show = async (q: string) => {
    const found = (await options.api.search(q, options.asOf()).catch(() => [])).filter((u) =>
      inArea(u, options.home),
    );
    if (input.value.trim() !== q) return;
    results.replaceChildren(
      ...(found.length === 0
        ? [h('li', {}, t('searchNone'))]
        : found.map((u) =>
            h(
              'li',
              {},
              h('a', { href: options.linkTo(u.code) }, u.name),
              h('span', { class: 'place' }, [...u.place.slice(0, -1)].reverse().join(', ')),
              u.via === 'former-name'
                ? h('span', { class: 'former' }, ` (${t('formerName')}: ${u.matchedName})`)
                : null,
            ),
          )),
    );
  };
  return h(
    'div',
    { class: 'search', role: 'search' },
    h('label', { for: 'unit-search' }, t('searchLabel')),
    input,
    results,
  );
}
