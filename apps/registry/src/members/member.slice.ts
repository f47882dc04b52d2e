import { MemberPersonalDataErasedV1, registrySource } from '@nhip/contracts';
import type { Decider } from '@nhip/decider';
import { messageIdFor } from '@nhip/event-sourcing';
import { decideMember, evolveMember } from './member.decide.ts';
import type { MemberCommand, MemberEvent, MemberState } from './member.ts';
import type { Aggregate } from '@nhip/event-sourcing';

export const memberDecider: Decider<MemberCommand, MemberEvent, MemberState> = {
  initialState: () => ({ status: 'unregistered' }),
  decide: decideMember,
  evolve: evolveMember,
};

/** Only the erasure is public: partners holding anything about the member must forget it too. */
export const memberSlice: Aggregate<MemberCommand, MemberEvent, MemberState> = {
  decider: memberDecider,
  toOutbox: (events, envelope) =>
    events
      .filter((e) => e.type === 'MemberPersonalDataErased')
      .map((e, i) => ({
        messageId: messageIdFor(envelope.commandId, i),
        topic: MemberPersonalDataErasedV1.topic,
        key: e.data.memberId,
        type: MemberPersonalDataErasedV1.type,
        source: registrySource,
        subject: e.data.memberId,
        occurredAt: envelope.metadata.occurredAt,
        data: e.data,
      })),
  // The personal-data table is written by the use cases themselves, in the same transaction.
  project: async () => {},
};
