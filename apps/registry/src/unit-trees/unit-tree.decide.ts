// Importing a unit list: what changed against the tree as it stands. Re-importing the same list
// decides nothing; a changed name is a rename; a unit no longer listed is retired.
import { calendarDayPattern } from '@nhip/contracts';
import { DomainRuleViolation } from '@nhip/decider';
import { recordLineage } from './lineage.decide.ts';
import type { ImportUnitList, UnitRow, UnitTreeCommand, UnitTreeEvent, UnitTreeState } from './unit-tree.ts';

export function decideUnitTree(command: UnitTreeCommand, state: UnitTreeState): UnitTreeEvent[] {
  return command.type === 'ImportUnitList' ? importUnitList(command, state) : recordLineage(command, state);
}

function importUnitList(command: ImportUnitList, state: UnitTreeState): UnitTreeEvent[] {
  if (!calendarDayPattern.test(command.effectiveFrom) || Number.isNaN(Date.parse(command.effectiveFrom))) {
    throw new DomainRuleViolation(
      'invalid_effective_date',
      `"${command.effectiveFrom}" is not a date (YYYY-MM-DD).`,
      'effectiveFrom',
    );
  }
  if (state.effectiveFrom !== undefined && state.effectiveFrom !== command.effectiveFrom) {
    throw new DomainRuleViolation(
      'effective_date_mismatch',
      `Tree ${command.treeVersion} is in force from ${state.effectiveFrom}; import a new tree version for ${command.effectiveFrom}.`,
      'effectiveFrom',
    );
  }
  if (command.units.length === 0)
    throw new DomainRuleViolation('empty_unit_list', 'The list has no units.', 'units');
  const opened: UnitTreeEvent[] =
    state.effectiveFrom === undefined
      ? [
          {
            type: 'UnitTreeVersionOpened',
            data: { treeVersion: command.treeVersion, effectiveFrom: command.effectiveFrom },
          },
        ]
      : [];
  const listed = new Set(command.units.map((u) => u.code));
  const retired: UnitTreeEvent[] = [...state.units.keys()]
    .filter((code) => !listed.has(code))
    .sort()
    .map((code) => ({ type: 'UnitRetired', data: { code } }));
  return [
    ...opened,
    ...command.units.flatMap((unit) => changesOf(unit, state.units.get(unit.code))),
    ...retired,
  ];
}

function changesOf(unit: UnitRow, current: UnitRow | undefined): UnitTreeEvent[] {
  if (!current) return [{ type: 'UnitAdded', data: unit }];
  const changes: UnitTreeEvent[] = [];
  if (current.name !== unit.name) {
    changes.push({
      type: 'UnitRenamed',
      data: { code: unit.code, name: unit.name, previousName: current.name },
    });
  }
  if (current.type !== unit.type) {
    changes.push({
      type: 'UnitReclassified',
      data: { code: unit.code, type: unit.type, previousType: current.type },
    });
  }
  if (current.parentCode !== unit.parentCode || current.level !== unit.level) {
    changes.push({
      type: 'UnitMoved',
      data: { code: unit.code, level: unit.level, parentCode: unit.parentCode },
    });
  }
  return changes;
}
