// Where the carry-overs stand under a unit (ADR 0070, later section): for each commune of the tree
// in force formed from earlier ones, what its plan would still do and what waits for a person, so a
// province's operations centre sees which communes to call. Read only.
import type { Principal, UnitScope } from '@nhip/auth';
import type pg from 'pg';
import type { TreeInForce, UnitView } from '../../unit-trees/units/index.ts';
import { summaryOf, type CarryOverSummary } from './carry-over.answer.ts';
import { placeOf, type CarryOverPlan } from './carry-over.plan.ts';
import { carryOverFacts } from './carry-over.queries.ts';
import { planWithin } from './plan-within.ts';

interface CommuneProgress {
  readonly code: string;
  readonly name: string;
  readonly summary: CarryOverSummary;
}

export interface CarryOverProgress {
  readonly treeVersion: string;
  readonly unit: { readonly code: string; readonly name: string };
  readonly communes: readonly CommuneProgress[];
  readonly total: CarryOverSummary;
  /** Left for a person, each once: a divided commune's village waits in each of its communes' plans. */
  readonly waiting: { readonly villages: number; readonly teams: number };
}

// The communes under a unit (or the unit itself) that the lineage records as formed from others.
const communesSql = `
  SELECT u.code FROM rm_units u
  WHERE u.tree_version = $1 AND u.path @> ARRAY[$2::text] AND u.origin = 'official'
    AND NOT EXISTS (SELECT 1 FROM rm_units c
                     WHERE c.tree_version = u.tree_version AND c.parent_code = u.code AND c.origin = 'official')
    AND EXISTS (SELECT 1 FROM rm_unit_lineage l WHERE l.tree_version = u.tree_version AND l.code = u.code)
  ORDER BY u.code`;

const stillToDo = (s: CarryOverSummary) =>
  s.villagesToRegister + s.villagesLeft + s.teamsToMove + s.teamsLeft;

export async function carryOverProgress(
  pool: pg.Pool,
  { scope, caller }: { readonly scope: UnitScope; readonly caller: Principal },
  tree: TreeInForce,
  unit: UnitView,
): Promise<CarryOverProgress> {
  const { rows } = await pool.query<{ code: string }>(communesSql, [tree.treeVersion, unit.code]);
  const communes: CommuneProgress[] = [];
  const waiting = { villages: new Set<string>(), teams: new Set<string>() };
  for (const { code } of rows) {
    const facts = await carryOverFacts(pool, tree, code);
    if (!facts) continue;
    const plan = await planWithin(scope, caller, facts);
    communes.push({ code, name: facts.commune.name, summary: summaryOf(plan) });
    noteWaiting(plan, waiting);
  }
  communes.sort((a, b) => stillToDo(b.summary) - stillToDo(a.summary) || a.code.localeCompare(b.code));
  return {
    treeVersion: tree.treeVersion,
    unit: { code: unit.code, name: unit.name },
    communes,
    total: totalOf(communes),
    waiting: { villages: waiting.villages.size, teams: waiting.teams.size },
  };
}

/** What the plan leaves for a person, by place and by team, so each counts once across communes. */
function noteWaiting(plan: CarryOverPlan, waiting: { villages: Set<string>; teams: Set<string> }): void {
  for (const v of plan.villages) if (v.action === 'left') waiting.villages.add(placeOf(v.from));
  for (const t of plan.teams) if (t.action === 'left') waiting.teams.add(t.team.teamId);
}

function totalOf(communes: readonly CommuneProgress[]): CarryOverSummary {
  const total = { ...zero };
  for (const { summary } of communes)
    for (const key of Object.keys(zero) as (keyof CarryOverSummary)[]) total[key] += summary[key];
  return total;
}

const zero: { -readonly [K in keyof CarryOverSummary]: number } = {
  villagesToRegister: 0,
  villagesThere: 0,
  villagesLinked: 0,
  villagesCarried: 0,
  villagesLeft: 0,
  teamsToMove: 0,
  teamsLeft: 0,
};
