import type { Aggregate } from '@nhip/event-sourcing';
import { projectAttendance } from './attendance-register/index.ts';
import type { AttendanceCommand, AttendanceEvent, AttendanceState } from './attendance.ts';
import { attendanceDecider } from './attendance.decider.ts';
import { attendanceOutbox } from './attendance.public-events.ts';

export const attendanceAggregate: Aggregate<AttendanceCommand, AttendanceEvent, AttendanceState> = {
  decider: attendanceDecider,
  toOutbox: attendanceOutbox,
  project: projectAttendance,
};
