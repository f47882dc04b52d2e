// A team's write side: decider, public events and the team roster, wired once; the rebuild runs
// the same projection.
import { toOutboxMessages, type Aggregate, type Tx } from '@nhip/event-sourcing';
import type { ProjectedRun, RebuildHook } from '../schema/rebuild-hook.ts';
import { teamDecider } from './team.decider.ts';
import { teamPublicEvents } from './team.public-events.ts';
import { teamStreamPrefix, type TeamCommand, type TeamEvent, type TeamState } from './team.ts';
import { projectTeam, teamRosterTables } from './team-roster/index.ts';

// Each command's events carry its time, so registered_at and updated_at come out as they were.
const project = (tx: Tx, events: readonly TeamEvent[], run: ProjectedRun): Promise<void> =>
  projectTeam(tx, events, run.metadata.occurredAt);

export const teamAggregate: Aggregate<TeamCommand, TeamEvent, TeamState> = {
  decider: teamDecider,
  toOutbox: (events, { commandId, metadata }) =>
    toOutboxMessages(teamPublicEvents(events), commandId, metadata.occurredAt),
  project,
};

export const teamRebuild: RebuildHook<TeamEvent> = {
  streamPrefix: teamStreamPrefix,
  tables: teamRosterTables,
  project,
};
