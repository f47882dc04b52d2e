// The rules a session's plan must pass, all checked at once so a planner sees every mistake.
import type { RuleProblem } from '@nhip/decider';
import type { PlanFacts, SessionPlan } from './session.ts';

const problem = (code: string, field: string, reason: string): RuleProblem => ({ code, field, reason });

export function checkPlan(plan: SessionPlan, facts: PlanFacts): RuleProblem[] {
  return [...checkTimes(plan), ...checkPlace(plan), ...checkUnits(plan, facts)];
}

function checkTimes(plan: SessionPlan): RuleProblem[] {
  return Date.parse(plan.endsAt) > Date.parse(plan.startsAt)
    ? []
    : [problem('session_ends_before_start', 'endsAt', `must be after startsAt (${plan.startsAt})`)];
}

function checkPlace(plan: SessionPlan): RuleProblem[] {
  if (plan.mode === 'online') return [];
  const problems: RuleProblem[] = [];
  if (!plan.place) problems.push(problem('place_required', 'place', 'an in-person session needs a place'));
  if (plan.bridgePoints.length > 0) {
    problems.push(
      problem('bridge_points_online_only', 'bridgePoints', 'only an online session has bridge points'),
    );
  }
  return problems;
}

function checkUnits(plan: SessionPlan, facts: PlanFacts): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!facts.courseKnown)
    problems.push(problem('unknown_course', 'courseId', 'no such course: define it first'));
  if (!facts.treeVersion) {
    return [...problems, problem('no_unit_tree', 'startsAt', 'no unit tree is in force on the start day')];
  }
  const unit = facts.units.get(plan.unitCode);
  if (!unit) problems.push(unknownUnit('unitCode', plan.unitCode, facts.treeVersion));
  return [...problems, ...checkBridgePoints(plan, facts, facts.treeVersion)];
}

function checkBridgePoints(plan: SessionPlan, facts: PlanFacts, treeVersion: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  plan.bridgePoints.forEach((point, i) => {
    const field = `bridgePoints[${i}]`;
    const path = facts.units.get(point.unitCode);
    if (!path) problems.push(unknownUnit(`${field}.unitCode`, point.unitCode, treeVersion));
    else if (!path.includes(plan.unitCode)) {
      problems.push(problem('bridge_point_outside_unit', `${field}.unitCode`, `not under ${plan.unitCode}`));
    }
    if (!facts.units.has(point.hostUnitCode))
      problems.push(unknownUnit(`${field}.hostUnitCode`, point.hostUnitCode, treeVersion));
    if (seen.has(point.unitCode))
      problems.push(problem('bridge_point_twice', `${field}.unitCode`, `${point.unitCode} is listed twice`));
    seen.add(point.unitCode);
  });
  return problems;
}

const unknownUnit = (field: string, code: string, treeVersion: string): RuleProblem =>
  problem('unknown_unit', field, `no unit ${code} in the unit tree ${treeVersion}`);
