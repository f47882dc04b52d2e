// What every view checks first: the period is a real one, the unit is known, the indicator exists.
import { anyRole, type Principal, type Role, type UnitScope } from '@nhip/auth';
import { periodRule, storedPeriodRule, unitCodePattern, unitCodeRule } from '@nhip/contracts';
import { invalidRequest, notFound } from '@nhip/service-http';
import type pg from 'pg';
import { catalogEntries, indicatorCatalog } from '../indicators/catalog.ts';
import type { IndicatorDefinition } from '../indicators/indicator.ts';
import { findGrouping, type NamedGrouping } from '../figures/named-grouping.ts';
import { unitFor } from '../figures/unit-view.ts';
import type { TreeUnit } from '../figures/tree.queries.ts';
import { parsePeriod, type Period } from '../periods/period.ts';

export function requirePeriod(key: string, field = 'period'): Period {
  const period = parsePeriod(key);
  if (period) return period;
  throw invalidRequest([{ field, reason: periodRule }], 400, `${field}: "${key}" is not a calendar period.`);
}

/** A period values are stored for, as a target is assigned for: a year to date is only read. */
export function requireStoredPeriod(key: string, field = 'period'): Period {
  const period = requirePeriod(key, field);
  if (period.kind !== 'to-date') return period;
  throw invalidRequest([{ field, reason: storedPeriodRule }], 400, `${field}: "${key}" is a year to date.`);
}

/** 400 unless the code is shaped like a unit code; `field` is where the caller wrote it. */
export function requireUnitCode(code: string, field = 'code'): void {
  if (!unitCodePattern.test(code)) throw invalidRequest([{ field, reason: unitCodeRule }]);
}

/** The unit in the tree of the period, 404 naming the field it was given in (a path's `code`, a body's `unitCode`). */
export async function requireUnit(
  db: Pick<pg.Pool, 'query'>,
  code: string,
  period: Period,
  field = 'code',
): Promise<TreeUnit> {
  requireUnitCode(code, field);
  const unit = await unitFor(db, code, period);
  if (!unit) throw notFound('unit', field, code);
  return unit;
}

/** The `{code}` of the views: a unit, or a named grouping read like one. */
export const codeParam =
  'A unit code (20207), or the code of a named grouping defined with POST /groupings (ven-bien-da-nang): its members are the children.';

/** Aggregates: every signed-in role, partners included, within its area. */
export const readers: readonly Role[] = anyRole;
/** Explain lists source event ids: the platform's own roles, not partners. */
export const explainers: readonly Role[] = ['ioc-operator', 'district-oc', 'commune-officer', 'admin'];
/** Targets and statistics come from the province's operations center (or an admin). */
export const assigners: readonly Role[] = ['ioc-operator', 'admin'];

/** 403 unless the unit, in the tree it was found in, lies in the caller's area. */
export function requireInScope(
  scope: UnitScope,
  caller: Principal,
  unit: TreeUnit,
  field = 'code',
): Promise<void> {
  return scope.requirePlacement(caller, { treeVersion: unit.treeVersion, path: unit.path }, field);
}

/**
 * 403 naming the first of many units (a grouping's members) outside the caller's area, by its own
 * field: one read of the area per tree version, not one per unit.
 */
export function requireAllInScope(
  scope: UnitScope,
  caller: Principal,
  members: readonly { readonly unit: TreeUnit; readonly field: string }[],
): Promise<void> {
  const units = members.map(({ unit }) => unit);
  return scope.requirePlacements(caller, units, (index) => members[index]?.field ?? 'units');
}

/** A named grouping, 404 unless defined, 403 unless every member lies in the caller's area. */
export async function requireGrouping(
  db: Pick<pg.Pool, 'query'>,
  scope: UnitScope,
  caller: Principal,
  code: string,
): Promise<NamedGrouping> {
  const grouping = await findGrouping(db, code);
  // The code is not shaped like a unit code either (that is why a grouping was looked for).
  if (!grouping) throw notFound('unit or grouping', 'code', code);
  const members = grouping.members.map((unit) => ({ treeVersion: unit.treeVersion, path: unit.path }));
  await scope.requirePlacements(caller, members, 'code');
  return grouping;
}

/** Who is writing: the request's id and the check that the unit written lies in the caller's area. */
export interface WriteAccess {
  readonly requestId: string;
  readonly inScope: (unit: TreeUnit) => Promise<void>;
}

/**
 * The catalog's entries for a comma-separated list of ids (every indicator when there is none);
 * 400 naming the ids the catalog lacks.
 */
export function requireIndicators(
  list: string | undefined,
  field = 'indicators',
): readonly IndicatorDefinition[] {
  if (list === undefined) return indicatorCatalog;
  const ids = new Set(list.split(','));
  const unknown = [...ids].filter((id) => !indicatorCatalog.some((d) => d.id === id));
  if (unknown.length > 0)
    throw invalidRequest(
      [{ field, reason: `${unknown.join(', ')}: no such indicator (GET /catalog lists them)` }],
      400,
      `${field}: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not an indicator' : 'are not indicators'} of the catalog.`,
    );
  return catalogEntries(ids);
}

/** The indicator's version in force (its latest). */
export function requireIndicator(id: string, field = 'indicatorId'): IndicatorDefinition {
  const found = indicatorCatalog.find((d) => d.id === id);
  if (!found) throw notFound('indicator', field, id);
  return found;
}

/** knownAt as an instant the database compares exactly. */
export const instantOf = (knownAt: string | undefined): string | undefined =>
  knownAt === undefined ? undefined : new Date(knownAt).toISOString();
