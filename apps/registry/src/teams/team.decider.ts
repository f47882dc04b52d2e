import type { Decider } from '@nhip/decider';
import { decideTeam } from './team.decide.ts';
import { evolveTeam } from './team.evolve.ts';
import { initialTeam, type TeamCommand, type TeamEvent, type TeamState } from './team.ts';

export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = {
  initialState: initialTeam,
  decide: decideTeam,
  evolve: evolveTeam,
};
