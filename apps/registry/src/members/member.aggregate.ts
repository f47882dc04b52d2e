// A member's write side. Their stream feeds no read model: the personal-data table is written by
// the use cases themselves, in the command's transaction, and is not derived from events.
import { noReadModel, toOutboxMessages, type Aggregate } from '@nhip/event-sourcing';
import { memberDecider } from './member.decider.ts';
import { memberPublicEvents } from './member.public-events.ts';
import type { MemberCommand, MemberEvent, MemberState } from './member.ts';

export const memberAggregate: Aggregate<MemberCommand, MemberEvent, MemberState> = {
  decider: memberDecider,
  toOutbox: (events, { commandId, metadata }) =>
    toOutboxMessages(memberPublicEvents(events), commandId, metadata.occurredAt),
  project: noReadModel,
};
