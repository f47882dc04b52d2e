// A village is a unit: partners learn of it as unit.added with origin "local", keyed like every
// unit event by its tree version.
import { UnitAddedV1 } from '@nhip/contracts';
import { publicMessage, type PublicMessage } from '@nhip/event-sourcing';
import type { VillageEvent } from './village.ts';

export const villagePublicEvents = (treeVersion: string, events: readonly VillageEvent[]): PublicMessage[] =>
  events.map(({ data: { code, name, type, level, parentCode } }) =>
    publicMessage(UnitAddedV1, { treeVersion, code, name, type, level, parentCode, origin: 'local' }),
  );
