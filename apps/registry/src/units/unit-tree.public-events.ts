// Domain events of a tree version → the public unit events partners read (libs/contracts).
import {
  registrySource,
  UnitAddedV1,
  UnitLineageRecordedV1,
  UnitMovedV1,
  UnitReclassifiedV1,
  UnitRenamedV1,
  UnitRetiredV1,
  UnitTreeOpenedV1,
  type PublicEventDefinition,
} from '@nhip/contracts';
import { messageIdFor, type OutboxMessage } from '@nhip/event-sourcing';
import type { UnitTreeEvent } from './unit-tree.ts';

const publicTypeOf: { [T in UnitTreeEvent['type']]: PublicEventDefinition } = {
  UnitTreeVersionOpened: UnitTreeOpenedV1,
  UnitAdded: UnitAddedV1,
  UnitRenamed: UnitRenamedV1,
  UnitReclassified: UnitReclassifiedV1,
  UnitMoved: UnitMovedV1,
  UnitRetired: UnitRetiredV1,
  UnitLineageRecorded: UnitLineageRecordedV1,
};

export function unitTreeOutbox(
  treeVersion: string,
  events: readonly UnitTreeEvent[],
  commandId: string,
  occurredAt: string,
): OutboxMessage[] {
  return events.map((event, i) => {
    const definition = publicTypeOf[event.type];
    const data =
      event.type === 'UnitAdded'
        ? { treeVersion, ...event.data, origin: 'official' }
        : { treeVersion, ...event.data };
    return {
      messageId: messageIdFor(commandId, i),
      topic: definition.topic,
      key: treeVersion,
      type: definition.type,
      source: registrySource,
      subject: 'code' in event.data ? event.data.code : treeVersion,
      occurredAt,
      data,
    };
  });
}
