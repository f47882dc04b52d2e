import type { AttendanceEvent, AttendanceState } from './attendance.ts';

export const initialAttendanceState = (): AttendanceState => ({ sessions: new Set(), trained: false });

export const evolveAttendance = (state: AttendanceState, event: AttendanceEvent): AttendanceState => ({
  sessions: new Set([...state.sessions, event.data.sessionId]),
  trained: true,
});
