// A unit of an earlier tree asked for a period of a later one: a district of the 2024 tree in 2026,
// when no district is in force. Its operations center still watches it, so it is shown as the units
// of the tree in force that replaced its own (lineage, as the caller's scope follows the reform):
// those are its children, and its own figures are theirs summed by the KPI service
// (GET /units/{code}/indicators reads it so, ADR 0050). A unit of a later tree asked for an
// earlier period is not former: it is shown as its own tree has it.
import { ReplicaScopeTree } from '@nhip/registry-replica';
import type pg from 'pg';
import type { Period } from '../../periods/period.ts';
import type { ScopedUnit } from '../unit-lookup.ts';
import { namedUnits } from '../unit-names.ts';

type Db = Pick<pg.Pool, 'query'>;

export interface FormerUnit {
  /** The tree in force for the period, where the members are. */
  readonly inForce: string;
  readonly members: readonly { readonly code: string; readonly name: string }[];
}

const laterTreeInForceSql = `
  SELECT f.tree_version AS "inForce" FROM replica_unit_trees f
    JOIN replica_unit_trees u ON u.tree_version = $1 AND f.effective_from > u.effective_from
   WHERE f.effective_from <= $2::date ORDER BY f.effective_from DESC LIMIT 1`;

/** The units that replaced `unit` in the tree in force for the period; undefined when it is in force. */
export async function formerUnitOf(
  db: Db,
  unit: ScopedUnit,
  period: Period,
): Promise<FormerUnit | undefined> {
  const { rows } = await db.query<{ inForce: string }>(laterTreeInForceSql, [
    unit.treeVersion,
    period.lastDay,
  ]);
  const inForce = rows[0]?.inForce;
  if (inForce === undefined) return undefined;
  // The most specific (the port's rule): a former province's communes, not the province that absorbed it.
  const roots = await new ReplicaScopeTree(db).scopeRootsIn(unit.code, inForce, unit.treeVersion);
  const codes = roots.map((r) => r.path.at(-1) ?? '').sort();
  const members = await namedUnits(db, inForce, codes);
  return { inForce, members };
}
