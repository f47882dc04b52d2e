export { RecordAttendanceController } from './record-attendance.http.controller.ts';
export { recordAttendances } from './record-attendance.handler.ts';
export type { AttendanceLine, AttendanceResult, FieldProblem, Verdict } from './verdict.ts';
