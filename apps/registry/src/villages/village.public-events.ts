// A village is a unit: partners learn of it as unit.added with origin "local", keyed like every
// unit event by its tree version; one taken over by a later tree's village as unit.retired.
import { UnitAddedV1, UnitRetiredV1 } from '@nhip/contracts';
import { publicMessage, type PublicMessage } from '@nhip/event-sourcing';
import type { VillageEvent } from './village.ts';

export const villagePublicEvents = (treeVersion: string, events: readonly VillageEvent[]): PublicMessage[] =>
  events.map((event) => {
    if (event.type === 'VillageRetired')
      return publicMessage(UnitRetiredV1, { treeVersion, code: event.data.code });
    const { code, name, type, level, parentCode } = event.data;
    return publicMessage(UnitAddedV1, { treeVersion, code, name, type, level, parentCode, origin: 'local' });
  });
