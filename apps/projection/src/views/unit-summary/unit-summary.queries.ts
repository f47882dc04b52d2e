// A unit's summary from the projection's read models: the shape of the KPI service's
// GET /units/{code}/indicators (own indicators and each child's), every indicator with its last six
// periods of the same kind, and the unit's village coverage from the registry replica.
import type { IndicatorChangedData } from '@nhip/contracts';
import type pg from 'pg';
import { lastPeriods, type Period } from '../../periods/period.ts';
import type { CatalogEntry } from '../kpi-passthrough/index.ts';
import type { ScopedUnit } from '../unit-lookup.ts';

type Db = Pick<pg.Pool, 'query'>;

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
  readonly period: string;
  readonly knownAt: null;
  readonly indicators: readonly SummaryIndicator[];
  readonly children: readonly { code: string; name: string; indicators: readonly SummaryIndicator[] }[];
  readonly coverage: { readonly villages: number; readonly villagesWithTeam: number };
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

// Villages are the units registered locally (origin 'local'), as the registry counts coverage.
const coverageSql = `
  SELECT count(*)::int AS villages,
         count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM replica_teams t WHERE t.status = 'active' AND t.tree_version = v.tree_version
             AND t.unit_code = v.code))::int AS "villagesWithTeam"
  FROM replica_units v
  WHERE v.tree_version = $1 AND v.origin = 'local' AND v.path @> ARRAY[$2::text]`;

const figureFields = [
  'value',
  'exact',
  'numerator',
  'denominator',
  'target',
  'attainment',
  'rank',
  'missing',
] as const;
type Figures = Pick<SummaryIndicator, (typeof figureFields)[number]>;

/** The value's figures, all null for a unit the KPI service has published nothing of yet. */
const figuresOf = (value: IndicatorChangedData | undefined): Figures =>
  Object.fromEntries(figureFields.map((field) => [field, value?.[field] ?? null])) as unknown as Figures;

function indicatorsOf(
  catalog: readonly CatalogEntry[],
  values: ValueRow[],
  periods: string[],
  current: string,
) {
  const byKey = new Map(values.map((r) => [`${r.data.indicatorId}|${r.data.version}|${r.period}`, r.data]));
  return catalog.map((entry): SummaryIndicator => {
    const key = (period: string) => `${entry.id}|${entry.version}|${period}`;
    const now = byKey.get(key(current));
    return {
      id: entry.id,
      version: entry.version,
      name: entry.name,
      unit: entry.unit,
      ...figuresOf(now),
      comparisons: entry.comparisons,
      trend: periods.map((period) => ({ period, value: byKey.get(key(period))?.value ?? null })),
    };
  });
}

export async function unitSummary(
  db: Db,
  unit: ScopedUnit,
  period: Period,
  catalog: readonly CatalogEntry[],
): Promise<UnitSummary> {
  const children = (
    await db.query<{ code: string; name: string }>(childrenSql, [unit.treeVersion, unit.code])
  ).rows;
  const periods = lastPeriods(period, trendLength);
  const codes = [unit.code, ...children.map((c) => c.code)];
  const [values, coverage] = await Promise.all([
    db.query<ValueRow>(
      `SELECT unit_code AS unit, period, data FROM projection_values
       WHERE unit_code = ANY($1::text[]) AND period = ANY($2::text[])`,
      [codes, periods],
    ),
    db.query<UnitSummary['coverage']>(coverageSql, [unit.treeVersion, unit.code]),
  ]);
  const byUnit = Map.groupBy(values.rows, (r) => r.unit);
  const of = (code: string) => indicatorsOf(catalog, byUnit.get(code) ?? [], periods, period.key);
  return {
    unit: { code: unit.code, name: unit.name, treeVersion: unit.treeVersion },
    period: period.key,
    knownAt: null,
    indicators: of(unit.code),
    children: children.map((c) => ({ code: c.code, name: c.name, indicators: of(c.code) })),
    coverage: coverage.rows[0] ?? { villages: 0, villagesWithTeam: 0 },
  };
}
