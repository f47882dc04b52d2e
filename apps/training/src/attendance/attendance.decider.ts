import type { Decider } from '@nhip/decider';
import type { AttendanceCommand, AttendanceEvent, AttendanceState } from './attendance.ts';
import { decideAttendance } from './attendance.decide.ts';
import { evolveAttendance, initialAttendanceState } from './attendance.evolve.ts';

export const attendanceDecider: Decider<AttendanceCommand, AttendanceEvent, AttendanceState> = {
  initialState: initialAttendanceState,
  decide: decideAttendance,
  evolve: evolveAttendance,
};
