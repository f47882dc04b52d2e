// Team domain events → public team events (libs/contracts), keyed by team id.
import {
  registrySource,
  TeamDissolvedV1,
  TeamLeaderAssignedV1,
  TeamMemberAddedV1,
  TeamMemberRemovedV1,
  TeamRegisteredV1,
  TeamReinstatedV1,
  TeamRenamedV1,
  TeamSuspendedV1,
  type PublicEventDefinition,
} from '@nhip/contracts';
import { messageIdFor, type OutboxMessage } from '@nhip/event-sourcing';
import type { TeamEvent } from './team.ts';

const publicTypeOf: { [T in TeamEvent['type']]: PublicEventDefinition } = {
  TeamRegistered: TeamRegisteredV1,
  TeamRenamed: TeamRenamedV1,
  TeamLeaderAssigned: TeamLeaderAssignedV1,
  MemberAdded: TeamMemberAddedV1,
  MemberRemoved: TeamMemberRemovedV1,
  TeamSuspended: TeamSuspendedV1,
  TeamReinstated: TeamReinstatedV1,
  TeamDissolved: TeamDissolvedV1,
};

function publicData(event: TeamEvent): unknown {
  if (event.type !== 'TeamRegistered') return event.data;
  const { unit, ...rest } = event.data;
  return { ...rest, treeVersion: unit.treeVersion, unitCode: unit.code, unitPath: unit.path };
}

export function teamOutbox(
  events: readonly TeamEvent[],
  commandId: string,
  occurredAt: string,
): OutboxMessage[] {
  return events.map((event, i) => {
    const definition = publicTypeOf[event.type];
    return {
      messageId: messageIdFor(commandId, i),
      topic: definition.topic,
      key: event.data.teamId,
      type: definition.type,
      source: registrySource,
      subject: event.data.teamId,
      occurredAt,
      data: publicData(event),
    };
  });
}
