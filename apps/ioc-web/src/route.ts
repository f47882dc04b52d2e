// What the address says: the unit, the period (and with it the tree in force), the indicator the map
// is coloured by, the language. Every view can be bookmarked and shared by its address.
import type { Lang } from './i18n/i18n.ts';
import { parsePeriod, periodPattern } from '@nhip/contracts/periods';

export interface Route {
  readonly unit: string | undefined;
  readonly period: string;
  /** The tree in force on this day decides the levels; by default the period's last day. */
  readonly asOf: string | undefined;
  /** The figures as recorded by this instant (ISO), not live; the live figures when undefined. */
  readonly knownAt: string | undefined;
  readonly indicator: string;
  readonly lang: Lang;
}

/** Today's date in Vietnam (UTC+7), whatever the browser's zone. */
export const vietnamToday = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/**
 * The map and the laggards' table open on the province's headline: VNeID accounts against the
 * targets it handed down, which tells communes apart. (Villages with an active team was the first
 * default: once every village has a team, as in the demo, it colours the whole province one shade.)
 */
export const defaultIndicator = 'vneid_vs_target';

export function readRoute(search: string = location.search): Route {
  const q = new URLSearchParams(search);
  return {
    unit: q.get('unit') ?? undefined,
    period: q.get('period') ?? vietnamToday().slice(0, 4),
    asOf: q.get('asOf') ?? undefined,
    knownAt: q.get('knownAt') ?? undefined,
    indicator: q.get('ind') ?? defaultIndicator,
    lang: q.get('lang') === 'en' ? 'en' : 'vi',
  };
}

export function hrefOf(route: Route): string {
  const q = new URLSearchParams();
  if (route.unit !== undefined) q.set('unit', route.unit);
  q.set('period', route.period);
  if (route.asOf !== undefined) q.set('asOf', route.asOf);
  if (route.knownAt !== undefined) q.set('knownAt', route.knownAt);
  if (route.indicator !== defaultIndicator) q.set('ind', route.indicator);
  if (route.lang !== 'vi') q.set('lang', route.lang);
  return `${location.pathname}?${q}`;
}

/**
 * The last calendar day of the period (2025, 2025-Q3, 2025-07, 2025-07-01; a year to date's,
 * 2025-to-07, is its end's), capped at today; today for an address naming no period (the KPI
 * service says what is wrong with it).
 */
export function asOfOf(route: Route): string {
  if (route.asOf !== undefined) return route.asOf;
  const today = vietnamToday();
  const asked = periodPattern.test(route.period) ? parsePeriod(route.period) : undefined;
  const last = asked?.lastDay ?? today;
  return last > today ? today : last;
}
