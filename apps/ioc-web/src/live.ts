// A change from the stream applied to the summary on screen: the unit's own value or a child's, for
// the period shown; anything else (another period, a unit no longer shown) is ignored.
import type { indicatorFigureFields } from '@nhip/contracts';
import type { Change, Indicator, Summary } from './api/types.ts';

export type Applied = 'own' | 'child' | undefined;

/** Delivery may reorder one unit's values: the highest revision seen per unit, indicator, period. */
const revisions = new Map<string, bigint>();
export const forgetRevisions = (): void => revisions.clear();

/** True when the change is newer than any seen for its unit, indicator and period. */
function isNewest(change: Change): boolean {
  const key = `${change.unitCode}|${change.indicatorId}|${change.period}`;
  const revision = BigInt(change.revision);
  if ((revisions.get(key) ?? -1n) >= revision) return false;
  revisions.set(key, revision);
  return true;
}

export function applyChange(summary: Summary, change: Change): Applied {
  if (change.period !== summary.period || !isNewest(change)) return undefined;
  const own = change.unitCode === summary.unit.code;
  const list = own
    ? summary.indicators
    : summary.children.find((c) => c.code === change.unitCode)?.indicators;
  const indicator = list?.find((i) => i.id === change.indicatorId);
  if (!indicator) return undefined;
  update(indicator, change);
  return own ? 'own' : 'child';
}

/**
 * What a change or a snapshot moves of an indicator on screen; the rest is drawn once. The
 * contracts' list, written out: the dashboard takes only types from @nhip/contracts (its values
 * would bring TypeBox into the bundle), and the type keeps the two the same.
 */
const figureFields = [
  'value',
  'exact',
  'numerator',
  'denominator',
  'target',
  'attainment',
  'rank',
  'missing',
] as const satisfies typeof indicatorFigureFields;
type Figures = Pick<Indicator, (typeof figureFields)[number]>;

const figuresOf = (from: Figures): Figures =>
  Object.fromEntries(figureFields.map((field) => [field, from[field]])) as unknown as Figures;

/** The figures, and the trend's point for the period shown (its last), which is the value. */
function update(indicator: Indicator, figures: Figures & { readonly period: string }): void {
  Object.assign(indicator, figuresOf(figures));
  const last = indicator.trend?.at(-1);
  if (last?.period === figures.period)
    indicator.trend?.splice(-1, 1, { period: figures.period, value: figures.value });
}

type Shown = { readonly code: string; readonly indicators: readonly Indicator[] };
const unitsOf = (s: Summary): Shown[] => [{ code: s.unit.code, indicators: s.indicators }, ...s.children];

/** An indicator without what `update` moves: its names, unit, comparisons, the trend's earlier points. */
const drawnOnce = (i: Indicator) => ({
  ...i,
  ...Object.fromEntries(figureFields.map((field) => [field, undefined])),
  trend: i.trend?.map((point, k, all) => (k === all.length - 1 ? point.period : point)),
});

/**
 * Everything but the figures: the unit, its trail, the units and what each indicator is. Coverage is
 * figures too (those of the indicator counting villages with a team, which the line is drawn from).
 */
const layoutOf = (s: Summary) =>
  JSON.stringify({
    ...s,
    coverage: undefined,
    indicators: s.indicators.map(drawnOnce),
    children: s.children.map((c) => ({ ...c, indicators: c.indicators.map(drawnOnce) })),
  });

/**
 * A snapshot laid over the summary on screen when only figures differ (a stream's first snapshot, a
 * reconnection's): each indicator whose figures moved is updated as a change would update it, and
 * its key ("unit|indicator") returned, to be redrawn as changes are. Undefined when anything else
 * differs (a unit more, a renamed indicator, a new version, an earlier trend point): the
 * snapshot is then drawn anew.
 */
export function snapshotInPlace(shown: Summary, fresh: Summary): string[] | undefined {
  if (layoutOf(shown) !== layoutOf(fresh)) return undefined;
  const after = unitsOf(fresh);
  return unitsOf(shown).flatMap((unit, u) =>
    unit.indicators.flatMap((indicator, i) => {
      const next = after[u]?.indicators[i];
      if (!next || JSON.stringify(figuresOf(next)) === JSON.stringify(figuresOf(indicator))) return [];
      update(indicator, { ...figuresOf(next), period: fresh.period });
      return [`${unit.code}|${indicator.id}`];
    }),
  );
}
