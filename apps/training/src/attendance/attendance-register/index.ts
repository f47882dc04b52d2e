export { projectAttendance } from './attendance-register.projection.ts';
export { sessionFacts } from './attendance-register.queries.ts';
