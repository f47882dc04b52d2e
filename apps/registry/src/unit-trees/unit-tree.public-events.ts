// Domain events of a tree version → the public unit events partners read (libs/contracts); the
// declarations key them by tree version and name the unit as the subject.
import {
  UnitAddedV1,
  UnitLineageRecordedV1,
  UnitMovedV1,
  UnitReclassifiedV1,
  UnitRenamedV1,
  UnitRetiredV1,
  UnitTreeOpenedV1,
} from '@nhip/contracts';
import { publicMessage, type PublicMessage } from '@nhip/event-sourcing';
import type { UnitTreeEvent } from './unit-tree.ts';

export function unitTreePublicEvents(treeVersion: string, events: readonly UnitTreeEvent[]): PublicMessage[] {
  return events.map((event) => publicEventOf(treeVersion, event));
}

function publicEventOf(treeVersion: string, event: UnitTreeEvent): PublicMessage {
  switch (event.type) {
    case 'UnitTreeVersionOpened':
      return publicMessage(UnitTreeOpenedV1, event.data);
    case 'UnitAdded':
      return publicMessage(UnitAddedV1, { treeVersion, ...event.data, origin: 'official' });
    case 'UnitRenamed':
      return publicMessage(UnitRenamedV1, { treeVersion, ...event.data });
    case 'UnitReclassified':
      return publicMessage(UnitReclassifiedV1, { treeVersion, ...event.data });
    case 'UnitMoved':
      return publicMessage(UnitMovedV1, { treeVersion, ...event.data });
    case 'UnitRetired':
      return publicMessage(UnitRetiredV1, { treeVersion, ...event.data });
    case 'UnitLineageRecorded':
      return publicMessage(UnitLineageRecordedV1, { treeVersion, ...event.data });
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
