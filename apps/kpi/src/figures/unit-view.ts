// A unit's indicators for a period with its children's, as the API shows them: each value with its
// figures, target, rank among the children, names and comparison lines from the catalog.
import type pg from 'pg';
import { indicatorCatalog } from '../indicators/catalog.ts';
import type { IndicatorDefinition } from '../indicators/indicator.ts';
import type { Period } from '../periods/period.ts';
import type { DrillDown } from './drill-down.queries.ts';
import { loadFigures, type FiguresAsked } from './figures.queries.ts';
import { evaluateUnits, orNull, type UnitIndicator } from './indicator-values.ts';
import { childrenOf, findUnit, type TreeUnit } from './tree.queries.ts';

type Db = Pick<pg.Pool, 'query'>;

export interface IndicatorView {
  readonly id: string;
  readonly version: number;
  readonly name: IndicatorDefinition['name'];
  readonly unit: IndicatorDefinition['unit'];
  readonly value: number | null;
  readonly exact: string | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly target: number | null;
  readonly attainment: number | null;
  readonly rank: number | null;
  readonly missing: string | null;
  readonly comparisons: IndicatorDefinition['comparisons'];
}

export interface UnitIndicators {
  readonly unit: { readonly code: string; readonly name: string; readonly treeVersion: string };
  readonly period: string;
  readonly knownAt: string | null;
  readonly indicators: readonly IndicatorView[];
  readonly children: readonly { code: string; name: string; indicators: readonly IndicatorView[] }[];
  /**
   * Set for a unit no longer in force in the period (a 2024 district in 2026): the tree of the
   * units that replaced it, which are then its children, its figures theirs summed (ADR 0050).
   */
  readonly successorsIn: string | null;
}

export function viewOf(values: readonly UnitIndicator[], catalog = indicatorCatalog): IndicatorView[] {
  return values.map((v, i) => {
    const definition = catalog[i] as IndicatorDefinition;
    return {
      id: v.indicatorId,
      version: v.version,
      name: definition.name,
      unit: definition.unit,
      value: orNull(v.value),
      exact: orNull(v.exact),
      numerator: orNull(v.numerator),
      denominator: orNull(v.denominator),
      target: orNull(v.target),
      attainment: orNull(v.attainment),
      rank: orNull(v.rank),
      missing: orNull(v.missing),
      comparisons: definition.comparisons,
    };
  });
}

/** The unit in the tree in force on the period's last day (or the latest tree that has it). */
export const unitFor = (db: Db, code: string, period: Period): Promise<TreeUnit | undefined> =>
  findUnit(db, code, period.lastDay);

/**
 * The view of a loaded drill-down: the unit unranked, its children ranked among themselves; the
 * indicators of `catalog` (all of them unless told), each ranked on its own.
 */
export function drillDownView(
  d: Omit<DrillDown, 'replacedIn'>,
  period: Period,
  knownAt?: string,
  catalog: readonly IndicatorDefinition[] = indicatorCatalog,
): UnitIndicators {
  const codes = d.children.map((c) => c.code);
  const own = evaluateUnits(d.figures, [d.unit.code], [], catalog);
  const ofChildren = evaluateUnits(d.figures, codes, codes, catalog);
  return {
    unit: { code: d.unit.code, name: d.unit.name, treeVersion: d.unit.treeVersion },
    period: period.key,
    knownAt: knownAt ?? null,
    indicators: viewOf(own.get(d.unit.code) ?? [], catalog),
    children: d.children.map((c) => ({
      code: c.code,
      name: c.name,
      indicators: viewOf(ofChildren.get(c.code) ?? [], catalog),
    })),
    successorsIn: null,
  };
}

/** An indicator as `fields=figures` answers it: its names, unit and comparison lines are GET /catalog's. */
export type IndicatorFigures = Omit<IndicatorView, 'name' | 'unit' | 'comparisons'>;

const figuresOf = (v: IndicatorView): IndicatorFigures => ({
  id: v.id,
  version: v.version,
  value: v.value,
  exact: v.exact,
  numerator: v.numerator,
  denominator: v.denominator,
  target: v.target,
  attainment: v.attainment,
  rank: v.rank,
  missing: v.missing,
});

export interface UnitFigures extends Omit<UnitIndicators, 'indicators' | 'children'> {
  readonly indicators: readonly IndicatorFigures[];
  readonly children: readonly { code: string; name: string; indicators: readonly IndicatorFigures[] }[];
}

/** Each indicator's figures only, in each list of the view (for the answers not pre-encoded: knownAt, groupings). */
export function onlyFigures(view: UnitIndicators): UnitFigures {
  return {
    ...view,
    indicators: view.indicators.map(figuresOf),
    children: view.children.map((c) => ({ ...c, indicators: c.indicators.map(figuresOf) })),
  };
}

export async function unitIndicators(
  db: Db,
  unit: TreeUnit,
  period: Period,
  { knownAt, catalog = indicatorCatalog }: FiguresAsked = {},
): Promise<UnitIndicators> {
  const children = await childrenOf(db, unit.treeVersion, [unit.code]);
  const codes = children.map((c) => c.code);
  const figures = await loadFigures(db, [unit.code, ...codes], period, { knownAt, catalog });
  return drillDownView({ unit, children, figures }, period, knownAt, catalog);
}
