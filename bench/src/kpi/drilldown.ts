// P6: one drill-down (a unit and its children, residents helped per kind, for a period) answered
// four ways, each reduced to the same lines `unit|metric|value` (non-zero values, sorted) so the
// answers can be checksum-compared. Ours is the KPI service's own route, over HTTP with a token,
// and its read run from the bench's pool as the peers are (query-path.ts, ADR 0040); the peers
// run the naive query over the raw activity rows joined to the unit tree at query time,
// PostgreSQL on its tables and DuckDB on its own columnar copy of them.
import { createHash } from 'node:crypto';
import { activityKinds } from '@nhip/contracts';

/**
 * The indicators the peers compute, asked of ours by name (`?indicators=`): residents helped per
 * kind, every kind. The rest of the catalog (rates over targets and statistics, names, comparison
 * lines) is not part of the peers' answer (ADR 0040 addendum).
 */
export const comparedIndicators: readonly string[] = Object.keys(activityKinds).map(
  (kind) => `residents_helped.${kind}`,
);

export interface Target {
  readonly code: string;
  /** 1: a province (children are districts); 2: a district (children are communes). */
  readonly level: 1 | 2;
  readonly period: string;
  readonly firstDay: string;
  readonly lastDay: string;
}

export interface Answer {
  readonly lines: readonly string[];
  readonly checksum: string;
}

export function answerOf(lines: readonly string[]): Answer {
  const sorted = [...lines].sort();
  return { lines: sorted, checksum: createHash('sha256').update(sorted.join('\n')).digest('hex') };
}

/** The naive query, the same text for PostgreSQL and DuckDB: the tree joined at query time. */
export function naiveSql(level: 1 | 2): string {
  const child = level === 1 ? 'c.parent_code' : 'c.code';
  const tree =
    level === 1
      ? `JOIN kpi_units d ON d.tree_version = c.tree_version AND d.code = c.parent_code WHERE d.parent_code = $1`
      : 'WHERE c.parent_code = $1';
  return `
    SELECT ${child} AS unit, a.kind, sum(a.residents)::bigint AS value
      FROM bench_activities a
      JOIN kpi_units c ON c.tree_version = $4 AND c.code = a.commune_code
      ${tree} AND a.day BETWEEN $2::date AND $3::date
     GROUP BY GROUPING SETS ((${child}, a.kind), (a.kind))`;
}

export interface PeerRow {
  readonly unit: string | null;
  readonly kind: string;
  readonly value: number | bigint | string;
}

/** A peer's rows as lines; the grouping set without a unit is the drilled unit's own total. */
export function peerAnswer(target: Target, rows: readonly PeerRow[]): Answer {
  return answerOf(
    rows
      .filter((r) => Number(r.value) !== 0)
      .map((r) => `${r.unit ?? target.code}|residents_helped.${r.kind}|${Number(r.value)}`),
  );
}

interface IndicatorJson {
  readonly id: string;
  readonly numerator: number | null;
  readonly target?: number | null;
}
export interface UnitIndicatorsJson {
  readonly unit: { readonly code: string };
  readonly indicators: readonly IndicatorJson[];
  readonly children: readonly { readonly code: string; readonly indicators: readonly IndicatorJson[] }[];
}

/** The service's answer as the same lines: the residents-helped indicators' numerators. */
export function ourAnswer(view: UnitIndicatorsJson): Answer {
  const linesOf = (code: string, list: readonly IndicatorJson[]) =>
    list
      .filter((i) => i.id.startsWith('residents_helped.') && (i.numerator ?? 0) !== 0)
      .map((i) => `${code}|${i.id}|${i.numerator}`);
  return answerOf([
    ...linesOf(view.unit.code, view.indicators),
    ...view.children.flatMap((c) => linesOf(c.code, c.indicators)),
  ]);
}
