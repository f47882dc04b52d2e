// Recording which units of the previous tree each unit of a new tree was formed from. Every link
// must join a unit of this tree to a unit of the previous one; a unit whose predecessors are
// already recorded as given decides nothing, so re-importing the mapping emits nothing.
import { DomainRuleViolation } from '@nhip/decider';
import type { Predecessor, RecordLineage, UnitTreeEvent, UnitTreeState } from './unit-tree.ts';

export function recordLineage(command: RecordLineage, state: UnitTreeState): UnitTreeEvent[] {
  if (state.effectiveFrom === undefined) {
    throw new DomainRuleViolation(
      'unknown_tree_version',
      'Import the unit list of this tree version first.',
      'treeVersion',
    );
  }
  const previous = command.previousCodes;
  if (previous === undefined) {
    throw new DomainRuleViolation(
      'unknown_tree_version',
      `No tree version ${command.previousTreeVersion}: import the earlier list first.`,
      'from',
    );
  }
  const problems = command.links.flatMap((link) => [
    ...(state.units.has(link.code) ? [] : [`line ${link.line}: ${link.code} is not in this tree`]),
    ...(previous.has(link.predecessorCode)
      ? []
      : [`line ${link.line}: ${link.predecessorCode} is not in ${command.previousTreeVersion}`]),
  ]);
  if (problems.length > 0) {
    throw new DomainRuleViolation(
      'lineage_unknown_unit',
      `${problems.length} link(s) name units that do not exist: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`,
      'mapping',
    );
  }
  const grouped = new Map<string, Predecessor[]>();
  for (const link of command.links) {
    const list = grouped.get(link.code) ?? [];
    list.push({
      treeVersion: command.previousTreeVersion,
      code: link.predecessorCode,
      relation: link.relation,
    });
    grouped.set(link.code, list);
  }
  return [...grouped]
    .map(([code, predecessors]) => ({
      code,
      predecessors: predecessors.sort((a, b) => a.code.localeCompare(b.code)),
    }))
    .filter(({ code, predecessors }) => !samePredecessors(state.lineage.get(code), predecessors))
    .map((data) => ({ type: 'UnitLineageRecorded', data }));
}

function samePredecessors(a: readonly Predecessor[] | undefined, b: readonly Predecessor[]): boolean {
  return (
    a?.length === b.length &&
    a.every(
      (p, i) => p.treeVersion === b[i]?.treeVersion && p.code === b[i].code && p.relation === b[i].relation,
    )
  );
}
