import { noReadModel, type Aggregate } from '@nhip/event-sourcing';
import type { ActivityCommand, ActivityEvent, ActivityState } from './activity.ts';
import { activityDecider } from './activity.decider.ts';
import { activityOutbox } from './activity.public-events.ts';

/** Activities feed no read model here: the KPI service counts them from the public events. */
export const activityAggregate: Aggregate<ActivityCommand, ActivityEvent, ActivityState> = {
  decider: activityDecider,
  toOutbox: activityOutbox,
  project: noReadModel,
};
