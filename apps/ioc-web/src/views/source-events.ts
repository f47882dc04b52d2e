// One row per source event of an explanation: the day it counts on, where (a link to that unit's
// own view), what it was about (the report, team or member, by the id its service answers to) and
// what it changed. The public event's id stays on the row, for whoever follows it on the topic.
import type { SourceKind } from '@nhip/contracts';
import type { Explanation } from '../api/types.ts';
import { h } from '../dom.ts';
import { formatDateTime, formatDay, t } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/messages-vi.ts';
import { countText } from './indicator-text.ts';

export type SourceEvent = NonNullable<Explanation['sourceEvents']>['items'][number];

/** Where a unit's view is, and what to do before going there (close the dialog). */
export interface PlaceLinks {
  readonly linkTo: (code: string) => string;
  readonly leaving: () => void;
}

const kindLabels: Record<SourceKind, MessageKey> = {
  activity: 'sourceActivity',
  team: 'sourceTeam',
  member: 'sourceMember',
  village: 'sourceVillage',
};

/** An id is long: its first 8 characters are enough to tell rows apart and to find it again. */
const shortId = (id: string): string => (id.length > 13 ? `${id.slice(0, 8)}…` : id);

function sourceCell(item: SourceEvent): HTMLElement {
  const { source } = item;
  const label = t(source ? kindLabels[source.kind] : 'event');
  const id = source?.id ?? item.sourceEventId;
  return h(
    'td',
    { 'data-source': source ? `${source.kind}/${source.id}` : '', 'data-event-id': item.sourceEventId },
    `${label} `,
    h('code', { title: id }, shortId(id)),
  );
}

function placeCell(item: SourceEvent, links: PlaceLinks | undefined): HTMLElement {
  const name = item.place.name ?? item.place.code;
  // Unnamed: not in the tree the figure is read in (an older one), so it has no view to go to.
  if (!links || item.place.name === null) return h('td', {}, name);
  const link = h('a', { href: links.linkTo(item.place.code) }, name);
  link.addEventListener('click', links.leaving);
  return h('td', {}, link);
}

export const eventRow =
  (links?: PlaceLinks) =>
  (item: SourceEvent): HTMLElement =>
    h(
      'tr',
      {},
      h('td', {}, formatDay(item.day)),
      placeCell(item, links),
      sourceCell(item),
      h('td', {}, countText(item.delta)),
      h('td', {}, formatDateTime(item.recordedAt)),
    );

export function eventsTable(rows: HTMLElement): HTMLElement {
  const headings = [t('eventDay'), t('place'), t('source'), t('delta'), t('recordedAt')];
  return h(
    'table',
    { class: 'events' },
    h('caption', {}, t('sourceEvents')),
    h('thead', {}, h('tr', {}, ...headings.map((l) => h('th', { scope: 'col' }, l)))),
    rows,
  );
}
