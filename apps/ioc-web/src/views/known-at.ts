// "The same figure as it was known at …": a moment typed as Vietnam writes it, 06/12/2026 10:40,
// whatever language the browser runs in. A date-time picker follows the browser's locale instead
// (mm/dd/yyyy and AM/PM on an English one) and says nothing of the page's language.
import type { Explanation } from '../api/types.ts';
import { h } from '../dom.ts';
import { formatDateTime, t } from '../i18n/i18n.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** Vietnam's offset from UTC: +7 all year (no daylight saving), as every time on screen is shown. */
export const vietnamOffsetMs = 7 * 3_600_000;

/** A moment as the box shows it: day/month/year hour:minute in Vietnam's time, as every time on screen. */
export function inputText(at: Date): string {
  const v = new Date(at.getTime() + vietnamOffsetMs);
  const day = `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${String(v.getUTCFullYear()).padStart(4, '0')}`;
  return `${day} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
}

const typed = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$/;

/** What was typed as a moment in Vietnam's time, or null: a day alone is its first minute; 31/02 is no day. */
export function parseInput(text: string): Date | null {
  const match = typed.exec(text);
  if (!match) return null;
  // The hour and minute groups are undefined when left out (a regex's types do not say so).
  const parts = (match.slice(1) as (string | undefined)[]).map((part) => Number(part ?? 0));
  const [day = 0, month = 0, year = 0, hour = 0, minute = 0] = parts;
  // The wall clock in Vietnam, written as if it were UTC, then moved back by the offset.
  const clock = new Date(Date.UTC(year, month - 1, day, hour, minute));
  clock.setUTCFullYear(year); // Date.UTC reads 0026 as 1926
  // A Date rolls 31/02 into March and 24:00 into the next day: only what it kept as typed is a moment.
  const kept = [
    clock.getUTCDate(),
    clock.getUTCMonth() + 1,
    clock.getUTCFullYear(),
    clock.getUTCHours(),
    clock.getUTCMinutes(),
  ];
  return kept.join() === [day, month, year, hour, minute].join()
    ? new Date(clock.getTime() - vietnamOffsetMs)
    : null;
}

export function knownAtForm(
  now: Explanation,
  askAt: (at: string) => Promise<Explanation>,
  words: { equationOf: (e: Explanation) => string; statusOf: (error: unknown) => string },
): HTMLElement {
  // A day ago by default: why yesterday's report differs from today's screen.
  const knownAt = h('input', {
    type: 'text',
    id: 'known-at',
    name: 'knownAt',
    'aria-describedby': 'known-at-hint',
    value: inputText(new Date(Date.now() - 86_400_000)),
  });
  const then = h('div', { class: 'known-then', 'aria-live': 'polite' });
  const compare = h(
    'form',
    { class: 'known-at' },
    h('label', { for: 'known-at' }, t('knownAt')),
    knownAt,
    h('span', { id: 'known-at-hint', class: 'hint' }, t('knownAtHint')),
    h('button', { type: 'submit' }, t('compare')),
    then,
  );
  const alert = (text: string) => then.replaceChildren(h('p', { role: 'alert' }, text));
  compare.addEventListener('submit', (event) => {
    event.preventDefault();
    const moment = parseInput(knownAt.value);
    if (!moment) return alert(t('knownAtInvalid', { typed: knownAt.value.trim() }));
    const at = moment.toISOString();
    void askAt(at).then(
      (old) =>
        then.replaceChildren(
          h('p', {}, `${t('knownThen')} (${formatDateTime(at)}): ${words.equationOf(old)}`),
          h('p', {}, `${t('knownNow')}: ${words.equationOf(now)}`),
        ),
      // Said where the answer would have been, not left as a form that seems to do nothing.
      (error: unknown) => alert(t('knownAtFailed', { status: words.statusOf(error) })),
    );
  });
  return compare;
}

/**
 * The box for the moment a whole view is as recorded by, typed as the explanation's is: empty for the
 * live figures. `read` gives the instant (ISO), undefined when empty, null when it is no moment (the
 * box then says so, as the browser says a period's pattern is not met).
 */
export function knownAtBox(knownAt: string | undefined): {
  input: HTMLInputElement;
  read: () => string | undefined | null;
} {
  const parsed = knownAt === undefined ? undefined : new Date(knownAt);
  const shown =
    parsed === undefined ? '' : Number.isNaN(parsed.getTime()) ? (knownAt ?? '') : inputText(parsed);
  const input = h('input', {
    type: 'text',
    id: 'known-at-view',
    name: 'knownAt',
    size: '16',
    placeholder: t('liveFigures'),
    title: t('knownAtHint'),
    value: shown,
  });
  const read = () => {
    const typed = input.value.trim();
    // Shown to the minute: sent again as it was, not moved to the minute's start.
    if (typed === shown) return knownAt;
    if (typed === '') return undefined;
    const moment = parseInput(typed);
    input.setCustomValidity(moment ? '' : t('knownAtInvalid', { typed }));
    if (!moment) input.reportValidity();
    return moment?.toISOString() ?? null;
  };
  input.addEventListener('input', () => input.setCustomValidity(''));
  return { input, read };
}
