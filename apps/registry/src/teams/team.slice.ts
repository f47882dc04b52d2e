import { teamDecider } from './team.decider.ts';
import { projectTeam } from './team.projection.ts';
import { teamOutbox } from './team.public-events.ts';
import type { TeamCommand, TeamEvent, TeamState } from './team.ts';
import type { CommandSlice } from '@nhip/service-http';

export const teamSlice: CommandSlice<TeamCommand, TeamEvent, TeamState> = {
  decider: teamDecider,
  toOutbox: (events, envelope) => teamOutbox(events, envelope.commandId, envelope.metadata.occurredAt),
  project: (tx, events, envelope) => projectTeam(tx, events, envelope.metadata.occurredAt),
};
