// Deltas added to every unit they count in (a place's path, for most), for each period of the day they count on, coalesced
// within a batch: a batch of 5,000 activities in one commune becomes one change per (unit, metric,
// period) on the way up, not 5,000. The path's length is data: 4 codes before July 2025 (province,
// district, commune, village), 3 after.
import type { MetricId } from '../indicators/indicator.ts';
import type { MetricDelta } from '../metrics/metric-delta.ts';
import { periodsOfDay, type PeriodKey } from '../periods/period.ts';

export interface RollupCell {
  readonly unitCode: string;
  readonly metric: MetricId;
  readonly period: PeriodKey;
  readonly delta: number;
}

const cellKey = (unitCode: string, metric: string, period: string) =>
  `${unitCode}\u0000${metric}\u0000${period}`;

type Cells = Map<string, { unitCode: string; metric: MetricId; period: PeriodKey; delta: number }>;

function add(cells: Cells, change: RollupCell): void {
  const key = cellKey(change.unitCode, change.metric, change.period);
  const cell = cells.get(key);
  if (cell) cell.delta += change.delta;
  else cells.set(key, { ...change });
}

/**
 * The rule both the live path and the rebuild's bulk fold apply (ADR 0033): a delta counts in every
 * unit it names, in each period of its day (`periods`, from `periodsOfDay`). Generic so the rebuild
 * can pass interned ids instead of strings.
 */
export function countsIn<U, P>(
  units: readonly U[],
  periods: readonly P[],
  count: (unit: U, period: P) => void,
): void {
  for (const unit of units) {
    for (const period of periods) count(unit, period);
  }
}

/** One net change per (unit, metric, period) the deltas touch; cells that net to 0 are left out. */
export function rollUp(deltas: Iterable<MetricDelta>): RollupCell[] {
  const cells: Cells = new Map();
  for (const { units, metric, day, delta } of deltas) {
    countsIn(units, periodsOfDay(day), (unitCode, period) => add(cells, { unitCode, metric, period, delta }));
  }
  return [...cells.values()].filter((cell) => cell.delta !== 0);
}
