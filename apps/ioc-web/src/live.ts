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
