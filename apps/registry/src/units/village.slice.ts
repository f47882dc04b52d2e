import { registrySource, UnitAddedV1 } from '@nhip/contracts';
import { messageIdFor } from '@nhip/event-sourcing';
import { villageDecider } from './village.decider.ts';
import type { RegisterVillage, VillageEvent, VillagesState } from './village.ts';
import type { Aggregate, Tx } from '@nhip/event-sourcing';

/** A village is a unit: it joins rm_units and travels as unit.added with origin "local". */
export const villageSlice: Aggregate<RegisterVillage, VillageEvent, VillagesState> = {
  decider: villageDecider,
  toOutbox: (events, envelope) =>
    events.map(({ data: { code, name, type, level, parentCode } }, i) => ({
      messageId: messageIdFor(envelope.commandId, i),
      topic: UnitAddedV1.topic,
      key: envelope.command.treeVersion,
      type: UnitAddedV1.type,
      source: registrySource,
      subject: code,
      occurredAt: envelope.metadata.occurredAt,
      data: {
        treeVersion: envelope.command.treeVersion,
        code,
        name,
        type,
        level,
        parentCode,
        origin: 'local',
      },
    })),
  project: (tx, events, envelope) => projectVillages(tx, envelope.command.treeVersion, events),
};

export async function projectVillages(
  tx: Tx,
  treeVersion: string,
  events: readonly VillageEvent[],
): Promise<void> {
  for (const { data } of events) {
    await tx.query(
      `INSERT INTO rm_units (tree_version, code, name, type, level, parent_code, origin, path)
       VALUES ($1, $2, $3, $4, $5, $6, 'local', $7)`,
      [treeVersion, data.code, data.name, data.type, data.level, data.parentCode, data.path],
    );
  }
}
