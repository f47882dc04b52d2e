// A commune's villages: decider, public events, and the units read model they join (rm_units).
import { toOutboxMessages, type Aggregate, type Tx } from '@nhip/event-sourcing';
import type { ProjectedRun, RebuildHook } from '../schema/rebuild-hook.ts';
import { projectVillages, villageTables } from '../unit-trees/units/index.ts';
import { villageDecider } from './village.decider.ts';
import { villagePublicEvents } from './village.public-events.ts';
import {
  treeVersionOfVillagesStream,
  villagesStreamPrefix,
  type VillageCommand,
  type VillageEvent,
  type VillagesState,
} from './village.ts';

const project = (tx: Tx, events: readonly VillageEvent[], run: ProjectedRun): Promise<void> =>
  projectVillages(tx, treeVersionOfVillagesStream(run.streamId), events);

export const villageAggregate: Aggregate<VillageCommand, VillageEvent, VillagesState> = {
  decider: villageDecider,
  toOutbox: (events, { command, commandId, metadata }) =>
    toOutboxMessages(villagePublicEvents(command.treeVersion, events), commandId, metadata.occurredAt),
  project,
};

export const villageRebuild: RebuildHook<VillageEvent> = {
  streamPrefix: villagesStreamPrefix,
  tables: villageTables,
  project,
};
