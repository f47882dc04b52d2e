// What the values of a batch's touched (unit, period) pairs are now: each indicator asked there,
// computed for the touched units and their siblings (ranked among them), from one read of the
// siblings and one of the figures (ADR 0034, 0062). publish-changes.ts compares them with what was
// last published.
import type { Tx } from '@nhip/event-sourcing';
import { loadFiguresByPeriod, type Figures } from '../figures/figures.queries.ts';
import { evaluateUnits, indexOf, type FigureIndex, type UnitIndicator } from '../figures/indicator-values.ts';
import type { IndicatorDefinition } from '../indicators/indicator.ts';
import { inCatalogOrder } from '../indicators/readers.ts';
import type { Period } from '../periods/period.ts';
import { siblingsByDay, type Sibling } from './batch-figures.queries.ts';

export interface Touched {
  readonly unitCode: string;
  readonly period: string;
  /**
   * The indicators whose inputs changed there (`indicatorsReading`), none for an input no indicator
   * reads. A unit's value cannot move unless one of its indicator's inputs did, nor its rank unless a
   * sibling's value did, and the siblings of a unit touched for an indicator are evaluated with it.
   */
  readonly indicators: readonly IndicatorDefinition[];
}

/** A unit touched in a period, with the indicators to evaluate there. */
export interface TouchedUnit {
  readonly unit: string;
  readonly indicators: readonly IndicatorDefinition[];
}

/**
 * One indicator over the touched units' sibling groups, ranked among them; then any unit outside
 * the tree, unranked.
 */
function evaluateIndicator(
  index: FigureIndex,
  siblings: readonly Sibling[],
  units: readonly string[],
  indicator: IndicatorDefinition,
): Map<string, UnitIndicator> {
  const touched = new Set(units);
  const parents = new Set(siblings.filter((s) => touched.has(s.code)).map((s) => s.parentCode));
  const groups = Map.groupBy(
    siblings.filter((s) => parents.has(s.parentCode)),
    (s) => s.parentCode,
  );
  const values = new Map<string, UnitIndicator>();
  const add = (evaluated: Map<string, UnitIndicator[]>) => {
    for (const [unit, [value]] of evaluated) if (value) values.set(unit, value);
  };
  for (const group of groups.values()) {
    const codes = group.map((s) => s.code);
    add(evaluateUnits(index, codes, codes, [indicator]));
  }
  const outside = units.filter((u) => !values.has(u));
  if (outside.length > 0) add(evaluateUnits(index, outside, [], [indicator]));
  return values;
}

/** Each indicator asked in a period, over the units touched for it; a unit's values in the catalog's order. */
function evaluatePeriod(
  figures: Figures,
  siblings: readonly Sibling[],
  touched: readonly TouchedUnit[],
  catalog: readonly IndicatorDefinition[],
): Map<string, UnitIndicator[]> {
  const index = indexOf(figures);
  const values = new Map<string, UnitIndicator[]>();
  for (const indicator of catalog) {
    const units = touched.filter((t) => t.indicators.includes(indicator)).map((t) => t.unit);
    if (units.length === 0) continue;
    for (const [unit, value] of evaluateIndicator(index, siblings, units, indicator)) {
      const list = values.get(unit);
      if (list) list.push(value);
      else values.set(unit, [value]);
    }
  }
  return values;
}

/**
 * Each touched unit's indicators and its siblings', ranked among them in the tree in force for the
 * period (one unit's new value can move a sibling's rank without changing its figures), for every
 * period at once: one read of the siblings, one of the figures of the indicators asked.
 */
export async function valuesOf(
  tx: Tx,
  touched: ReadonlyMap<Period, readonly TouchedUnit[]>,
  catalog: readonly IndicatorDefinition[],
): Promise<Map<Period, Map<string, UnitIndicator[]>>> {
  const pairs = [...touched].flatMap(([p, units]) => units.map(({ unit }) => ({ unit, lastDay: p.lastDay })));
  const siblings = await siblingsByDay(tx, pairs);
  const all = new Set([...pairs.map((p) => p.unit), ...[...siblings.values()].flat().map((s) => s.code)]);
  const figures = await loadFiguresByPeriod(tx, [...all], [...touched.keys()], { catalog });
  const none: Figures = { metrics: [], targets: [], statistics: [] };
  return new Map(
    [...touched].map(([period, units]) => [
      period,
      evaluatePeriod(figures.get(period.key) ?? none, siblings.get(period.lastDay) ?? [], units, catalog),
    ]),
  );
}

/** Each unit once, with every indicator any of its pairs asked for. */
export function touchedUnits(pairs: readonly Touched[]): TouchedUnit[] {
  return [...Map.groupBy(pairs, (p) => p.unitCode)].map(([unit, same]) => ({
    unit,
    indicators: inCatalogOrder(new Set(same.flatMap((p) => p.indicators))),
  }));
}
