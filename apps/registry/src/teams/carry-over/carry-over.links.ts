// What a person decides where the plan could not (ADR 0070): which village of the commune a village
// left by the plan became. A village of a divided commune, or one whose name another village taken
// over has, is then taken over like any other: its teams move there, and it is retired where it was.
import { DomainRuleViolation, type RuleProblem } from '@nhip/decider';
import type { PlannedVillage } from './carry-over.plan.ts';
import type { Village } from './carry-over.queries.ts';

/** `from`: a village of a former commune, by code; `to`: a village of the commune in force. */
export interface VillageLink {
  readonly from: string;
  readonly to: string;
}

/** Each linked village as `linked`; refuses, naming every link at fault, a link that cannot be. */
export function withLinks(
  villages: readonly PlannedVillage[],
  links: readonly VillageLink[],
  own: readonly Village[],
): PlannedVillage[] {
  const problems = links.flatMap((link, i) => problemsOf(link, `villages[${i}]`, villages, own));
  const twice = links.findIndex((link, i) => links.findIndex((l) => l.from === link.from) !== i);
  if (twice >= 0)
    problems.push({ code: 'duplicate', field: `villages[${twice}].from`, reason: 'Each village once.' });
  if (problems.length > 0) throw DomainRuleViolation.of(problems);
  const to = new Map(links.map((l) => [l.from, l.to]));
  return villages.map((v) => {
    const code = to.get(v.from.code);
    return code ? { ...v, action: 'linked' as const, to: code, why: null, because: null } : v;
  });
}

function problemsOf(
  { from, to }: VillageLink,
  at: string,
  villages: readonly PlannedVillage[],
  own: readonly Village[],
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const found = villages.filter((v) => v.from.code === from);
  if (found.length !== 1)
    problems.push({
      code: 'unknown_unit',
      field: `${at}.from`,
      reason: unknownWhy(from, found),
    });
  else if (found[0]?.action !== 'left')
    problems.push({
      code: 'not_left',
      field: `${at}.from`,
      reason: `${from} needs no decision: the plan has it as ${found[0]?.action}${found[0]?.to ? ` (${found[0].to})` : ''}.`,
    });
  if (!own.some((v) => v.code === to && v.carriedTo === null))
    problems.push({
      code: 'unknown_unit',
      field: `${at}.to`,
      reason: `${to} is not a village of this commune: register it first (POST /units/{code}/villages).`,
    });
  return problems;
}

const unknownWhy = (from: string, found: readonly PlannedVillage[]): string =>
  found.length === 0
    ? `${from} is not a village of the communes this one replaced.`
    : `${from} names a village of each of ${found.map((v) => v.from.treeVersion).join(' and ')}: place them by hand (POST /teams/{teamId}/unit).`;
