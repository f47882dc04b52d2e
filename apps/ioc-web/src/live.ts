// A change from the stream applied to the summary on screen: the unit's own value or a child's, for
// the period shown; anything else (another period, a unit no longer shown) is ignored.
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

function update(indicator: Indicator, change: Change): void {
  indicator.value = change.value;
  indicator.exact = change.exact;
  indicator.numerator = change.numerator;
  indicator.denominator = change.denominator;
  indicator.target = change.target;
  indicator.attainment = change.attainment;
  indicator.rank = change.rank;
  indicator.missing = change.missing;
  const last = indicator.trend?.at(-1);
  if (last?.period === change.period)
    indicator.trend?.splice(-1, 1, { period: change.period, value: change.value });
}

/** What a snapshot may change of an indicator on screen without it being drawn anew. */
const figureFields = [
  'value',
  'exact',
  'numerator',
  'denominator',
  'target',
  'attainment',
  'rank',
  'missing',
  'trend',
] as const;

const figuresOf = (i: Indicator) => JSON.stringify(figureFields.map((field) => i[field]));

type Shown = { readonly code: string; readonly indicators: readonly Indicator[] };
const unitsOf = (s: Summary): Shown[] => [{ code: s.unit.code, indicators: s.indicators }, ...s.children];
/** Everything but the figures: the unit, its trail, its coverage, the units and indicators listed. */
const layoutOf = (s: Summary) =>
  JSON.stringify({
    ...s,
    indicators: s.indicators.map((i) => i.id),
    children: s.children.map((c) => [c.code, c.name, c.indicators.map((i) => i.id)]),
  });

/**
 * A snapshot laid over the summary on screen when it lists the same units and indicators (a
 * stream's first snapshot, a reconnection's): the figures that differ are copied in, and their
 * keys ("unit|indicator") returned, to be redrawn in place as changes are. Undefined when anything
 * else differs: the snapshot is then drawn anew.
 */
export function snapshotInPlace(shown: Summary, fresh: Summary): string[] | undefined {
  if (layoutOf(shown) !== layoutOf(fresh)) return undefined;
  const after = unitsOf(fresh);
  return unitsOf(shown).flatMap((unit, u) =>
    unit.indicators.flatMap((indicator, i) => {
      const next = after[u]?.indicators[i];
      if (!next || figuresOf(next) === figuresOf(indicator)) return [];
      for (const field of figureFields) Object.assign(indicator, { [field]: next[field] });
      return [`${unit.code}|${indicator.id}`];
    }),
  );
}
