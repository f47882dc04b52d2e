export { FollowKpiController } from './follow-kpi.kafka.controller.ts';
export { isKpiType } from './follow-kpi.routes.ts';
export { changesChannel } from './indicator-values.projection.ts';
