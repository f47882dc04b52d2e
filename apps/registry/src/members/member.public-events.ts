// Only the erasure is public: partners holding anything about the member must forget it too. The
// declaration keys it by member id.
import { MemberPersonalDataErasedV1 } from '@nhip/contracts';
import { publicMessage, type PublicMessage } from '@nhip/event-sourcing';
import type { MemberEvent } from './member.ts';

export const memberPublicEvents = (events: readonly MemberEvent[]): PublicMessage[] =>
  events.flatMap((event) =>
    event.type === 'MemberPersonalDataErased' ? [publicMessage(MemberPersonalDataErasedV1, event.data)] : [],
  );
