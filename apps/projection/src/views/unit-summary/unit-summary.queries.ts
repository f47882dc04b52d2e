// A unit's summary from the projection's read models: the shape of the KPI service's
// GET /units/{code}/indicators (own indicators and each child's), every indicator with its last six
// periods of the same kind, and the unit's village coverage for the period. What the read model has no
// value of is shown as the KPI service's own view shows it (kpi-fallback.ts).
import { coverageOf, indicatorFigureFields, type Coverage, type IndicatorChangedData } from '@nhip/contracts';
import type pg from 'pg';
import { lastPeriods, type Period } from '../../periods/period.ts';
import type { CatalogEntry } from '../kpi-passthrough/index.ts';
import type { ScopedUnit } from '../unit-lookup.ts';
import { namedUnits, type NamedUnit } from '../unit-names.ts';
import { formerUnitOf } from './former-unit.ts';
import { kpiFallback, type FallbackOf, type UnitViews } from './kpi-fallback.ts';

type Db = Pick<pg.Pool, 'query'>;
type Catalog = readonly CatalogEntry[];

export const trendLength = 6;

export interface SummaryIndicator {
  readonly id: string;
  readonly version: number;
  readonly name: unknown;
  readonly unit: unknown;
  readonly value: number | null;
  readonly exact: string | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly target: number | null;
  readonly attainment: number | null;
  readonly rank: number | null;
  readonly missing: string | null;
  readonly comparisons: unknown;
  readonly trend: readonly { period: string; value: number | null }[];
}

export interface UnitSummary {
  readonly unit: { readonly code: string; readonly name: string; readonly treeVersion: string };
  /**
   * The units above it in its own tree, from the top (the province first): the dashboard's
   * breadcrumbs and where its map finds the province, with no second request to the registry,
   * which knows only the units in force on a date (a former district is not).
   */
  readonly ancestors: readonly NamedUnit[];
  readonly period: string;
  readonly knownAt: string | null;
  readonly indicators: readonly SummaryIndicator[];
  readonly children: readonly { code: string; name: string; indicators: readonly SummaryIndicator[] }[];
  /**
   * Villages with an active team, of the villages, at the period's end as recorded (as known then
   * with `knownAt`): the figures of the indicator that counts them, so the line above the tiles and
   * the indicator's tile never disagree. Null where it has no figures.
   */
  readonly coverage: Coverage | null;
  /**
   * Set for a unit no longer in force in the period (a 2024 district in 2026): the tree its children
   * come from, the units that replaced its own; its figures are theirs summed (former-unit.ts).
   */
  readonly successorsIn: string | null;
}

interface ValueRow {
  unit: string;
  period: string;
  data: IndicatorChangedData;
}

const childrenSql = `
  SELECT u.code, coalesce(n.name, u.code) AS name FROM replica_units u
  LEFT JOIN projection_unit_names n ON n.tree_version = u.tree_version AND n.code = u.code
  WHERE u.tree_version = $1 AND u.parent_code = $2 ORDER BY u.code`;

type Figures = Pick<SummaryIndicator, (typeof indicatorFigureFields)[number]>;

/** Figures by (indicator, version) of one unit and period: what the summary shows for it. */
type FiguresOf = (indicator: string, version: number, period: string) => Figures | undefined;

const figuresOf = (value: object | undefined): Figures | undefined =>
  value &&
  (Object.fromEntries(
    indicatorFigureFields.map((field) => [field, (value as Partial<Record<string, unknown>>)[field] ?? null]),
  ) as unknown as Figures);

/** Every figure null: neither the read model nor the KPI service's view had the indicator. */
const blank = figuresOf({}) as Figures;

function indicatorsOf(catalog: Catalog, of: FiguresOf, periods: string[], current: string) {
  return catalog.map((entry): SummaryIndicator => {
    const at = (period: string) => of(entry.id, entry.version, period);
    return {
      id: entry.id,
      version: entry.version,
      name: entry.name,
      unit: entry.unit,
      ...(at(current) ?? blank),
      comparisons: entry.comparisons,
      trend: periods.map((period) => ({ period, value: at(period)?.value ?? null })),
    };
  });
}

/** The read model's values of one unit, with the KPI service's view where it has none. */
function unitFigures(values: readonly ValueRow[], fallback: FallbackOf, code: string): FiguresOf {
  const byKey = new Map(values.map((r) => [`${r.data.indicatorId}|${r.data.version}|${r.period}`, r.data]));
  return (indicator, version, period) =>
    figuresOf(byKey.get(`${indicator}|${version}|${period}`)) ??
    figuresOf(fallback(code, period)?.get(`${indicator}|${version}`));
}

/** The periods in which some unit lacks some indicator of the catalog in the read model. */
function lackingPeriods(values: readonly ValueRow[], codes: string[], periods: string[], catalog: Catalog) {
  const has = new Set(values.map((r) => `${r.unit}|${r.data.indicatorId}|${r.data.version}|${r.period}`));
  return periods.filter((p) =>
    codes.some((code) => catalog.some((e) => !has.has(`${code}|${e.id}|${e.version}|${p}`))),
  );
}

export interface SummarySources {
  readonly catalog: Catalog;
  /** GET /units/{code}/indicators of the KPI service, which reads a former unit as its successors. */
  readonly views: UnitViews;
  /** The figures as known then (the views are asked so): the read model, always current, is not read. */
  readonly knownAt?: string | undefined;
}

export async function unitSummary(
  db: Db,
  unit: ScopedUnit,
  period: Period,
  { catalog, views, knownAt }: SummarySources,
): Promise<UnitSummary> {
  const former = await formerUnitOf(db, unit, period);
  const children = former
    ? former.members
    : (await db.query<{ code: string; name: string }>(childrenSql, [unit.treeVersion, unit.code])).rows;
  const periods = lastPeriods(period, trendLength);
  const codes = [unit.code, ...children.map((c) => c.code)];
  const above = unit.path.filter((code) => code !== unit.code);
  const [values, ancestors] = await Promise.all([
    // As known at a past moment, nothing of the read model (always current) is read.
    knownAt === undefined
      ? db.query<ValueRow>(
          `SELECT unit_code AS unit, period, data FROM projection_values
           WHERE unit_code = ANY($1::text[]) AND period = ANY($2::text[])`,
          [codes, periods],
        )
      : { rows: [] as ValueRow[] },
    namedUnits(db, unit.treeVersion, above),
  ]);
  // A former unit's own figures are never published (the KPI service publishes units in force):
  // they, and its members' where the read model lacks them, come from the KPI service's view of
  // it, which is its successors' for a period after the reform and its own for one before, so the
  // trend runs on across the reform (ADR 0050).
  const fallback = await kpiFallback(views, unit.code, lackingPeriods(values.rows, codes, periods, catalog));
  const byUnit = Map.groupBy(values.rows, (r) => r.unit);
  const of = (code: string) =>
    indicatorsOf(catalog, unitFigures(byUnit.get(code) ?? [], fallback, code), periods, period.key);
  const indicators = of(unit.code);
  return {
    unit: { code: unit.code, name: unit.name, treeVersion: unit.treeVersion },
    ancestors,
    period: period.key,
    knownAt: knownAt ?? null,
    indicators,
    children: children.map((c) => ({ code: c.code, name: c.name, indicators: of(c.code) })),
    coverage: coverageOf(indicators),
    successorsIn: former?.inForce ?? null,
  };
}
