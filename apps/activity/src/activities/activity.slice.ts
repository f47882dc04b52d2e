import type { Decider } from '@nhip/decider';
import type { Aggregate } from '@nhip/event-sourcing';
import { decideActivity, evolveActivity } from './activity.decide.ts';
import { activityOutbox } from './activity.public-events.ts';
import type { ActivityCommand, ActivityEvent, ActivityState } from './activity.ts';

export const activityDecider: Decider<ActivityCommand, ActivityEvent, ActivityState> = {
  initialState: () => ({ status: 'none' }),
  decide: decideActivity,
  evolve: evolveActivity,
};

/** Activities feed no read model here: the KPI service counts them from the public events. */
export const activitySlice: Aggregate<ActivityCommand, ActivityEvent, ActivityState> = {
  decider: activityDecider,
  toOutbox: (events, envelope) => activityOutbox(events, envelope.commandId),
  project: async () => {},
};
