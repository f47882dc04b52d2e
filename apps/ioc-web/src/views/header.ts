// The bar on every view: breadcrumbs from the caller's home unit down, the period, the language
// toggle, the stream's state and who is signed in.
import { parsePeriod, periodPattern } from '@nhip/contracts/periods';
import type { StreamState } from '../api/stream.ts';
import type { Session } from '../api/session.ts';
import type { Summary } from '../api/types.ts';
import { h } from '../dom.ts';
import { formatDateTime, formatTime, t } from '../i18n/i18n.ts';
import { periodLabel } from '../i18n/period-label.ts';
import { vietnamToday } from '../route.ts';
import { knownAtBox } from './known-at.ts';
import { periodChoices } from './period-choices.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** After this long without the stream, its figures are called stale, with the time they stopped. */
const staleAfterMs = 10_000;

export function connectionText(
  state: StreamState,
  now: Date = new Date(),
  knownAt?: string,
): { text: string; kind: string } {
  // An address may carry any text: shown as it is when it is no moment (the summary says why).
  const time = (at: string) => (Number.isNaN(Date.parse(at)) ? at : formatDateTime(at));
  if (knownAt !== undefined) return { text: t('asKnownAt', { time: time(knownAt) }), kind: 'known-at' };
  if (state.kind === 'live') return { text: t('live'), kind: 'live' };
  if (state.kind === 'connecting') return { text: t('connecting'), kind: 'connecting' };
  if (state.kind === 'ended') return { text: t('ended', { reason: state.reason }), kind: 'ended' };
  if (now.getTime() - state.since.getTime() < staleAfterMs)
    return { text: t('reconnecting'), kind: 'reconnecting' };
  return { text: t('staleSince', { time: formatTime(state.since) }), kind: 'stale' };
}

export function breadcrumbs(
  trail: readonly { code: string; name: string }[],
  linkTo: (code: string) => string,
): HTMLElement {
  const items = trail.map((unit, i) =>
    h(
      'li',
      {},
      i === trail.length - 1
        ? h('span', { 'aria-current': 'page' }, unit.name)
        : h('a', { href: linkTo(unit.code) }, unit.name),
    ),
  );
  return h('nav', { 'aria-label': t('breadcrumb'), class: 'breadcrumbs' }, h('ol', {}, ...items));
}

/** What the period form shows and asks for: a period, and the moment its figures are as recorded by. */
export interface PeriodAsked {
  readonly period: string;
  readonly knownAt: string | undefined;
}

export function periodForm(
  { period, knownAt }: PeriodAsked,
  go: (asked: PeriodAsked) => void,
  liveHref: string,
): HTMLElement {
  const input = h('input', {
    id: 'period',
    name: 'period',
    value: period,
    pattern: periodPattern.source,
    // The browser says it when the pattern is not met: which forms a period takes.
    title: t('periodHint'),
    size: '10',
    list: 'period-choices',
  });
  const choices = h('datalist', { id: 'period-choices' });
  // The browser shows each key with its name (the key alone would be "2026-to-Q3"). Made again when
  // the box is opened on another day than they were made for: a wall screen is left open for weeks,
  // and on the 1st of a month "this month" and "through last month" are new.
  let madeFor = '';
  const offer = () => {
    if (madeFor === vietnamToday()) return;
    madeFor = vietnamToday();
    choices.replaceChildren(
      ...periodChoices(madeFor).map((key) => h('option', { value: key, label: periodLabel(key) })),
    );
  };
  offer();
  input.addEventListener('focus', offer);
  const moment = knownAtBox(knownAt);
  const form = h(
    'form',
    { class: 'period' },
    h('label', { for: 'period' }, t('period')),
    input,
    choices,
    h('label', { for: 'known-at-view' }, t('asRecordedBy')),
    moment.input,
    h('button', { type: 'submit' }, t('show')),
    // Back to the live figures, where a past moment is shown.
    ...(knownAt === undefined ? [] : [h('a', { href: liveHref, class: 'live-link' }, t('showLive'))]),
  );
  // A key of the right shape may still name no day (2025-02-30, 2025-13): said before it is asked,
  // typed or come with the address.
  const judge = () => input.setCustomValidity(parsePeriod(input.value) ? '' : t('periodHint'));
  input.addEventListener('input', judge);
  judge();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const at = moment.read();
    if (input.reportValidity() && at !== null) go({ period: input.value, knownAt: at });
  });
  return form;
}

export function whoText(session: Session, unitName: string | undefined): string {
  const role = t(`role.${session.role}` as MessageKey);
  return t('signedInAs', { role, unit: unitName ?? session.unit ?? 'VN' });
}

type Trail = { code: string; name: string }[];

/**
 * The breadcrumbs from the caller's home unit down: from the summary's ancestors, or, from a
 * projection that does not name them, from the trail walked so far (back up it, or one step down).
 */
export function trailOf(summary: Summary, home: string | undefined, walked: Trail): Trail {
  const here = { code: summary.unit.code, name: summary.unit.name };
  const trail = [...(summary.ancestors ?? []), here].map(({ code, name }) => ({ code, name }));
  const start = home === undefined ? 0 : trail.findIndex((u) => u.code === home);
  // From the caller's own unit down; a unit whose ancestors do not hold it (a former district's
  // successor commune, whose tree has no district) is reached by the trail walked so far.
  if (summary.ancestors && start >= 0) return trail.slice(start);
  const back = walked.findIndex((u) => u.code === here.code);
  if (back >= 0) return walked.slice(0, back + 1);
  return walked.length > 0 ? [...walked, here] : [here];
}
