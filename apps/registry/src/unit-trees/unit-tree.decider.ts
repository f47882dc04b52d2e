import type { Decider } from '@nhip/decider';
import { decideUnitTree } from './unit-tree.decide.ts';
import { evolveUnitTree } from './unit-tree.evolve.ts';
import {
  initialUnitTree,
  type UnitTreeCommand,
  type UnitTreeEvent,
  type UnitTreeState,
} from './unit-tree.ts';

export const unitTreeDecider: Decider<UnitTreeCommand, UnitTreeEvent, UnitTreeState> = {
  initialState: initialUnitTree,
  decide: decideUnitTree,
  evolve: evolveUnitTree,
};
