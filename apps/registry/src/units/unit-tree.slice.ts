import { unitTreeDecider } from './unit-tree.decider.ts';
import { projectUnitTree } from './unit-tree.projection.ts';
import { unitTreeOutbox } from './unit-tree.public-events.ts';
import type { UnitTreeCommand, UnitTreeEvent, UnitTreeState } from './unit-tree.ts';
import type { Aggregate } from '@nhip/event-sourcing';

/** A tree version's write side: decider, public events and read model, wired once. */
export const unitTreeSlice: Aggregate<UnitTreeCommand, UnitTreeEvent, UnitTreeState> = {
  decider: unitTreeDecider,
  toOutbox: (events, envelope) =>
    unitTreeOutbox(envelope.command.treeVersion, events, envelope.commandId, envelope.metadata.occurredAt),
  project: (tx, events, envelope) => projectUnitTree(tx, envelope.command.treeVersion, events),
};
