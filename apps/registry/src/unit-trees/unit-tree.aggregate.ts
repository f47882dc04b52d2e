// A tree version's write side: decider, public events and read model, wired once; the rebuild
// runs the same projection.
import { toOutboxMessages, type Aggregate, type Tx } from '@nhip/event-sourcing';
import type { ProjectedRun, RebuildHook } from '../schema/rebuild-hook.ts';
import { unitTreeDecider } from './unit-tree.decider.ts';
import { unitTreePublicEvents } from './unit-tree.public-events.ts';
import {
  treeVersionOfStream,
  unitTreeStreamPrefix,
  type UnitTreeCommand,
  type UnitTreeEvent,
  type UnitTreeState,
} from './unit-tree.ts';
import { projectUnitTree, unitTreeTables } from './units/index.ts';

const project = (tx: Tx, events: readonly UnitTreeEvent[], run: ProjectedRun): Promise<void> =>
  projectUnitTree(tx, treeVersionOfStream(run.streamId), events);

export const unitTreeAggregate: Aggregate<UnitTreeCommand, UnitTreeEvent, UnitTreeState> = {
  decider: unitTreeDecider,
  toOutbox: (events, { command, commandId, metadata }) =>
    toOutboxMessages(unitTreePublicEvents(command.treeVersion, events), commandId, metadata.occurredAt),
  project,
};

export const unitTreeRebuild: RebuildHook<UnitTreeEvent> = {
  streamPrefix: unitTreeStreamPrefix,
  tables: unitTreeTables,
  project,
};
