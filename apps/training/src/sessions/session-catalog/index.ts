export { SessionCatalogController } from './session-catalog.http.controller.ts';
export { projectSessions } from './session-catalog.projection.ts';
export { findSession, type SessionView } from './session-catalog.queries.ts';
export { requireOrganiser, requireSessionSeen, sessionSeenBy } from './session-scope.ts';
export { trainingStaff } from './session-roles.ts';
