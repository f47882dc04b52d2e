import type { Decider } from '@nhip/decider';
import type { ActivityCommand, ActivityEvent, ActivityState } from './activity.ts';
import { decideActivity } from './activity.decide.ts';
import { evolveActivity, initialActivityState } from './activity.evolve.ts';

export const activityDecider: Decider<ActivityCommand, ActivityEvent, ActivityState> = {
  initialState: initialActivityState,
  decide: decideActivity,
  evolve: evolveActivity,
};
