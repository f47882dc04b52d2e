// Team domain events → public team events (libs/contracts); the declarations key them by team id.
import {
  TeamDissolvedV1,
  TeamLeaderAssignedV1,
  TeamMemberAddedV1,
  TeamMemberRemovedV1,
  TeamMovedV1,
  TeamRegisteredV1,
  TeamReinstatedV1,
  TeamRenamedV1,
  TeamSuspendedV1,
} from '@nhip/contracts';
import { publicMessage, type PublicMessage } from '@nhip/event-sourcing';
import type { TeamEvent } from './team.ts';

export const teamPublicEvents = (events: readonly TeamEvent[]): PublicMessage[] => events.map(publicEventOf);

function publicEventOf(event: TeamEvent): PublicMessage {
  switch (event.type) {
    case 'TeamRegistered': {
      const { unit, ...rest } = event.data;
      const served = { treeVersion: unit.treeVersion, unitCode: unit.code, unitPath: unit.path };
      return publicMessage(TeamRegisteredV1, { ...rest, ...served });
    }
    case 'TeamRenamed':
      return publicMessage(TeamRenamedV1, event.data);
    case 'TeamLeaderAssigned':
      return publicMessage(TeamLeaderAssignedV1, event.data);
    case 'MemberAdded':
      return publicMessage(TeamMemberAddedV1, event.data);
    case 'MemberRemoved':
      return publicMessage(TeamMemberRemovedV1, event.data);
    case 'TeamMoved': {
      const { teamId, unit, previousUnit, reason } = event.data;
      return publicMessage(TeamMovedV1, {
        teamId,
        treeVersion: unit.treeVersion,
        unitCode: unit.code,
        unitPath: unit.path,
        previousTreeVersion: previousUnit.treeVersion,
        previousUnitCode: previousUnit.code,
        previousUnitPath: previousUnit.path,
        reason,
      });
    }
    default:
      return lifecycleEventOf(event);
  }
}

function lifecycleEventOf(
  event: Extract<TeamEvent, { type: 'TeamSuspended' | 'TeamReinstated' | 'TeamDissolved' }>,
): PublicMessage {
  switch (event.type) {
    case 'TeamSuspended':
      return publicMessage(TeamSuspendedV1, event.data);
    case 'TeamReinstated':
      return publicMessage(TeamReinstatedV1, event.data);
    case 'TeamDissolved':
      return publicMessage(TeamDissolvedV1, event.data);
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
