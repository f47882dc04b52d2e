// A plan, or what was done, as the API answers it: each village and team with what happens to it,
// and for what stays, why and what a person can do.
import type { CarryOverPlan, PlannedTeam, PlannedVillage } from './carry-over.plan.ts';

export interface TeamCarried extends Omit<PlannedTeam, 'team'> {
  readonly teamId: string;
  readonly name: string;
  readonly from: { readonly treeVersion: string; readonly unitCode: string; readonly communeCode: string };
}

export interface CarryOverAnswer {
  readonly treeVersion: string;
  readonly commune: { readonly code: string; readonly name: string };
  readonly applied: boolean;
  readonly formers: CarryOverPlan['formers'];
  readonly villages: readonly PlannedVillage[];
  readonly teams: readonly TeamCarried[];
  readonly summary: CarryOverSummary;
}

export interface CarryOverSummary {
  readonly villagesToRegister: number;
  readonly villagesThere: number;
  readonly villagesLinked: number;
  readonly villagesCarried: number;
  readonly villagesLeft: number;
  readonly teamsToMove: number;
  readonly teamsLeft: number;
}

const count = <T>(items: readonly T[], keep: (item: T) => boolean): number => items.filter(keep).length;

export function carryOverAnswer(plan: CarryOverPlan, applied: boolean): CarryOverAnswer {
  const { villages } = plan;
  const teams = plan.teams.map(({ team, ...rest }) => ({
    teamId: team.teamId,
    name: team.name,
    from: { treeVersion: team.treeVersion, unitCode: team.unitCode, communeCode: team.communeCode },
    ...rest,
  }));
  return {
    treeVersion: plan.treeVersion,
    commune: plan.commune,
    applied,
    formers: plan.formers,
    villages,
    teams,
    summary: summaryOf(plan),
  };
}

export function summaryOf(plan: CarryOverPlan): CarryOverSummary {
  return {
    villagesToRegister: count(plan.villages, (v) => v.action === 'register'),
    villagesThere: count(plan.villages, (v) => v.action === 'exists'),
    villagesLinked: count(plan.villages, (v) => v.action === 'linked'),
    villagesCarried: count(plan.villages, (v) => v.action === 'carried'),
    villagesLeft: count(plan.villages, (v) => v.action === 'left'),
    teamsToMove: count(plan.teams, (t) => t.action === 'move'),
    teamsLeft: count(plan.teams, (t) => t.action === 'left'),
  };
}
