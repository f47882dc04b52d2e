// A member's training record: one stream per member, one event per held session attended. The
// first attendance of a held session makes the member trained; later ones never do again.
import type { AttendanceRecordedData, SessionStatus } from '@nhip/contracts';

/** The session as its read model knows it, looked up before deciding. */
export interface SessionFacts {
  readonly sessionId: string;
  readonly courseId: string;
  readonly status: SessionStatus;
  readonly treeVersion: string;
  readonly unitCode: string;
  readonly startsAt: string;
  /** The units of its bridge points. */
  readonly bridgePoints: readonly string[];
}

/** A team the member is in now, from the registry replica. */
export interface TeamFact {
  readonly teamId: string;
  readonly status: string;
  readonly treeVersion: string;
  readonly unitPath: readonly string[];
}

export interface RecordAttendance {
  readonly type: 'RecordAttendance';
  readonly memberId: string;
  readonly sessionId: string;
  /** The bridge point the member attended at; null when not said (or in person). */
  readonly bridgePoint: string | null;
  /** The completion date a course platform's list gave, YYYY-MM-DD. */
  readonly completedOn: string | null;
  readonly facts: { readonly session: SessionFacts | undefined; readonly teams: readonly TeamFact[] };
  readonly at: string;
}
export type AttendanceCommand = RecordAttendance;

export type MemberAttended = AttendanceRecordedData & { readonly firstTraining: boolean };
export type AttendanceEvent = { type: 'MemberAttended'; data: MemberAttended };

export interface AttendanceState {
  readonly sessions: ReadonlySet<string>;
  readonly trained: boolean;
}

export const traineeStreamPrefix = 'trainee-';
export const traineeStream = (memberId: string): string => `${traineeStreamPrefix}${memberId}`;
/** One command per member and session, alone or in a list: re-sending it is recognised as itself. */
export const attendanceCommandId = (sessionId: string, memberId: string): string =>
  `attendance/${sessionId}/${memberId}`;
