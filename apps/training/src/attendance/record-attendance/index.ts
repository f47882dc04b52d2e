export { RecordAttendanceController } from './record-attendance.http.controller.ts';
export { recordAttendances, type AttendanceContext } from './record-attendance.handler.ts';
export { membersInArea } from './attendance-scope.ts';
export type { AttendanceLine, AttendanceResult, FieldProblem, Verdict } from './verdict.ts';
