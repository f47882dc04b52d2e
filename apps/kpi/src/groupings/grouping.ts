// A named grouping of units (issue 13: "a named set of units that rolls up like a unit"), e.g. the
// communes a province's operations center follows together. Defined once under a code of its own;
// the decider is pure: which units exist and who defines it arrive on the command.
import { DomainRuleViolation, type Decider, type DomainEvent } from '@nhip/decider';

export const groupingsStream = (code: string) => `kpi-grouping-${code}`;

export interface DefineGrouping {
  readonly type: 'DefineGrouping';
  readonly code: string;
  readonly name: string;
  /** The tree the units were found in (the one in force when it was defined). */
  readonly treeVersion: string;
  readonly units: readonly string[];
  /** Units of the request the tree does not have, by their place in the request. */
  readonly unknown: readonly { readonly index: number; readonly code: string }[];
  readonly definedBy: string;
  readonly definedAt: string;
}

export interface GroupingDefinedData {
  readonly code: string;
  readonly name: string;
  readonly treeVersion: string;
  readonly units: readonly string[];
  readonly definedBy: string;
  readonly definedAt: string;
}

export type GroupingEvent = DomainEvent<'GroupingDefined', GroupingDefinedData>;

export interface GroupingState {
  readonly defined: boolean;
}

function refusalsOf(command: DefineGrouping, state: GroupingState): DomainRuleViolation | undefined {
  if (state.defined)
    return new DomainRuleViolation(
      'grouping_already_registered',
      `A grouping with the code ${command.code} is already defined.`,
      'code',
    );
  if (command.unknown.length > 0)
    return DomainRuleViolation.of(
      command.unknown.map(({ index, code }) => ({
        code: 'unit_unknown',
        field: `units[${index}]`,
        reason: `${code} is not a unit of the tree in force (${command.treeVersion})`,
      })),
    );
  const repeated = command.units.findIndex((u, i) => command.units.indexOf(u) !== i);
  if (repeated !== -1)
    return new DomainRuleViolation(
      'unit_repeated',
      `${command.units[repeated] ?? ''} is listed more than once.`,
      `units[${repeated}]`,
    );
  return undefined;
}

export const groupingDecider: Decider<DefineGrouping, GroupingEvent, GroupingState> = {
  initialState: () => ({ defined: false }),
  decide: (command, state) => {
    const refusal = refusalsOf(command, state);
    if (refusal) throw refusal;
    const { code, name, treeVersion, units, definedBy, definedAt } = command;
    return [{ type: 'GroupingDefined', data: { code, name, treeVersion, units, definedBy, definedAt } }];
  },
  evolve: () => ({ defined: true }),
};
