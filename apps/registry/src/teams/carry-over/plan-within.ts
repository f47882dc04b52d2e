// A commune's plan as the caller may carry it out: the teams outside their area stay.
import type { Principal, UnitScope } from '@nhip/auth';
import type { VillageLink } from './carry-over.links.ts';
import { planCarryOver, type CarryOverPlan } from './carry-over.plan.ts';
import type { CarryOverFacts } from './carry-over.queries.ts';

export async function planWithin(
  scope: UnitScope,
  caller: Principal,
  facts: CarryOverFacts,
  links: readonly VillageLink[] = [],
): Promise<CarryOverPlan> {
  const inside = await scope.insideAll(
    caller,
    facts.teams.map((t) => ({ treeVersion: t.treeVersion, path: t.unitPath })),
  );
  const insideIds = new Set(facts.teams.filter((_, i) => inside[i]).map((t) => t.teamId));
  return planCarryOver(facts, (team) => insideIds.has(team.teamId), links);
}
