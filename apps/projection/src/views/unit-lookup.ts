// What every view and the stream check first: the period is a real one, the unit is known to the
// replica, and it lies in the caller's area; answered from the projection's own tables.
import { anyRole, type Principal, type Role, type UnitScope } from '@nhip/auth';
import { unitCodePattern, unitCodeRule } from '@nhip/contracts';
import { invalidRequest, notFound } from '@nhip/service-http';
import type pg from 'pg';
import { currentPeriod, parsePeriod, periodRule, type Period } from '../periods/period.ts';

type Db = Pick<pg.Pool, 'query'>;

export interface ScopedUnit {
  readonly code: string;
  readonly name: string;
  readonly treeVersion: string;
  readonly level: number;
  readonly path: readonly string[];
}

/** Aggregates: every signed-in role within its area, as the KPI service allows. */
export const readers: readonly Role[] = anyRole;
/** Explain lists source event ids: the platform's own roles, not partners (as the KPI service). */
export const explainers: readonly Role[] = ['ioc-operator', 'district-oc', 'commune-officer', 'admin'];

/** The period asked for, or the current year in Vietnam when none is. */
export function requirePeriod(key: string | undefined, field = 'period'): Period {
  if (key === undefined) return currentPeriod('year');
  const period = parsePeriod(key);
  if (period) return period;
  throw invalidRequest([{ field, reason: periodRule }], 400, `${field}: "${key}" is not a calendar period.`);
}

const unitSql = `
  SELECT u.code, coalesce(n.name, u.code) AS name, u.tree_version AS "treeVersion", u.level, u.path
  FROM replica_units u
  JOIN replica_unit_trees t USING (tree_version)
  LEFT JOIN projection_unit_names n ON n.tree_version = u.tree_version AND n.code = u.code
  WHERE u.code = $1
  ORDER BY (t.effective_from <= $2::date) DESC, t.effective_from DESC
  LIMIT 1`;

/** The unit in the tree in force on the period's last day, else the latest tree that has it. */
export async function findUnit(db: Db, code: string, period: Period): Promise<ScopedUnit | undefined> {
  const { rows } = await db.query<ScopedUnit>(unitSql, [code, period.lastDay]);
  return rows[0];
}

/** 400 for a malformed code, 404 for an unknown one, 403 outside the caller's area. */
export async function requireScopedUnit(
  db: Db,
  scope: UnitScope,
  caller: Principal,
  [code, period, field]: [code: string, period: Period, field: string],
): Promise<ScopedUnit> {
  if (!unitCodePattern.test(code)) throw invalidRequest([{ field, reason: unitCodeRule }]);
  const unit = await findUnit(db, code, period);
  if (!unit) throw notFound('unit', field, code);
  await scope.requirePlacement(caller, { treeVersion: unit.treeVersion, path: unit.path }, field);
  return unit;
}
