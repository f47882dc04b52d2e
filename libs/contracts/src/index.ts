export {
  activitySource,
  keyAndSubject,
  publicEvent,
  publicTopics,
  registrySource,
  trainingSource,
  type PublicEventData,
  type PublicEventDeclaration,
  type PublicEventDefinition,
} from './public-event.ts';
export * from './patterns.ts';
export { publicEventCatalog, publicEventDefinition, publicEventProblems } from './catalog.ts';
export { asyncApiDocument } from './asyncapi.ts';
export * from './registry/vocabulary.ts';
export * from './registry/unit-events.ts';
export * from './registry/team-events.ts';
export * from './registry/member-events.ts';
export * from './activity/vocabulary.ts';
export * from './activity/activity-events.ts';
export * from './training/vocabulary.ts';
export * from './training/training-events.ts';
export * from './kpi/indicator-events.ts';
export * from './kpi/partner-statistics.ts';
export * from './kpi/statistic-refused.ts';
export { vietnamDay } from './calendar.ts';
export * from './periods.ts';
export * from './coverage.ts';
export { defaultAudience, isRole, roles, type Role } from './sign-in.ts';
export * from './answers/index.ts';
