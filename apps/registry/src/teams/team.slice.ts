import { teamDecider } from './team.decider.ts';
import { projectTeam } from './team.projection.ts';
import { teamOutbox } from './team.public-events.ts';
import type { TeamCommand, TeamEvent, TeamState } from './team.ts';
import type { Aggregate } from '@nhip/event-sourcing';

export const teamSlice: Aggregate<TeamCommand, TeamEvent, TeamState> = {
  decider: teamDecider,
  toOutbox: (events, envelope) => teamOutbox(events, envelope.commandId, envelope.metadata.occurredAt),
  project: (tx, events, envelope) => projectTeam(tx, events, envelope.metadata.occurredAt),
};
