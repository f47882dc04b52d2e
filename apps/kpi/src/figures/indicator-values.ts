// The catalog's indicators evaluated for each unit from loaded figures, with the target each one
// is measured against and the rank among the units evaluated together (siblings).
import { indicatorCatalog } from '../indicators/catalog.ts';
import { evaluate, type IndicatorValue, type OperandFigures } from '../indicators/evaluate.ts';
import type { IndicatorDefinition } from '../indicators/indicator.ts';
import { rankSiblings } from '../indicators/rank.ts';
import type { FigureRow, Figures } from './figures.queries.ts';

/** JSON has no undefined: an absent figure is written as null. */
export const orNull = <T>(value: T | undefined): T | null => value ?? null;

export interface UnitIndicator extends IndicatorValue {
  readonly target: number | undefined;
  /** Per cent of the target reached, when the denominator is a target. */
  readonly attainment: number | undefined;
  readonly rank: number | undefined;
}

const byUnit = (rows: readonly FigureRow[]): Map<string, Map<string, number>> => {
  const map = new Map<string, Map<string, number>>();
  for (const { unit, id, value } of rows) {
    const own = map.get(unit) ?? new Map<string, number>();
    own.set(id, value);
    map.set(unit, own);
  }
  return map;
};

export type FigureIndex = readonly [
  Map<string, Map<string, number>>,
  Map<string, Map<string, number>>,
  Map<string, Map<string, number>>,
];

/** The rows grouped by unit once, not once per unit evaluated; an index already made is itself. */
export const indexOf = (figures: Figures | FigureIndex): FigureIndex =>
  'metrics' in figures
    ? ([byUnit(figures.metrics), byUnit(figures.targets), byUnit(figures.statistics)] as const)
    : figures;

/** The figures of one unit as the evaluator reads them: a metric never counted is 0. */
export function operandFigures(figures: Figures | FigureIndex, unit: string): OperandFigures {
  const index = indexOf(figures);
  const none = new Map<string, number>();
  const [metrics, targets, statistics] = index.map((byCode) => byCode.get(unit) ?? none) as [
    Map<string, number>,
    Map<string, number>,
    Map<string, number>,
  ];
  return {
    metric: (id) => metrics.get(id) ?? 0,
    statistic: (id) => statistics.get(id),
    target: (id) => targets.get(id),
  };
}

function withTarget(definition: IndicatorDefinition, value: IndicatorValue): Omit<UnitIndicator, 'rank'> {
  const measured = definition.denominator !== undefined && 'target' in definition.denominator;
  return {
    ...value,
    target: measured ? value.denominator : undefined,
    attainment: measured ? value.value : undefined,
  };
}

/**
 * Every indicator for every unit; ranks compare the units given as `ranked` (a unit's siblings),
 * units outside it get none. A caller evaluating many groups from the same figures indexes them once
 * (`indexOf`) and passes the index.
 */
export function evaluateUnits(
  figures: Figures | FigureIndex,
  units: readonly string[],
  ranked: readonly string[] = units,
  catalog: readonly IndicatorDefinition[] = indicatorCatalog,
): Map<string, UnitIndicator[]> {
  const index = indexOf(figures);
  const values = new Map(
    units.map((unit) => {
      const own = operandFigures(index, unit);
      return [unit, catalog.map((d) => withTarget(d, evaluate(d, own)))] as const;
    }),
  );
  const inRank = new Set(ranked);
  const ranks = catalog.map((definition, i) =>
    rankSiblings(
      units
        .filter((u) => inRank.has(u))
        .map((unitCode) => ({ unitCode, value: values.get(unitCode)?.[i]?.value })),
      definition.direction,
    ),
  );
  const rankOf = ranks.map((list) => new Map(list.map((r) => [r.unitCode, r.rank])));
  return new Map(
    [...values].map(([unit, list]) => [unit, list.map((v, i) => ({ ...v, rank: rankOf[i]?.get(unit) }))]),
  );
}
