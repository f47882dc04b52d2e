// The training service's own read models as TypeORM entities: what migrations are generated
// against. The projections and queries stay hand-written SQL.
import { EntitySchema } from 'typeorm';

const text = { type: 'text' } as const;
const nullableText = { type: 'text', nullable: true } as const;
const uuid = { type: 'uuid' } as const;
const uuidKey = { type: 'uuid', primary: true } as const;
const instant = { type: 'timestamptz' } as const;

export interface CourseRow {
  courseId: string;
  title: string;
  topic: string;
  provider: string;
  platform: string | null;
}
export const Course = new EntitySchema<CourseRow>({
  name: 'Course',
  tableName: 'rm_courses',
  columns: { courseId: uuidKey, title: text, topic: text, provider: text, platform: nullableText },
});

export interface SessionRow {
  sessionId: string;
  courseId: string;
  status: string;
  treeVersion: string;
  unitCode: string;
  mode: string;
  place: string | null;
  startsAt: Date;
  endsAt: Date;
  /** [{ unitCode, hostUnitCode }], in the order the organiser listed them. */
  bridgePoints: unknown;
}
export const Session = new EntitySchema<SessionRow>({
  name: 'Session',
  tableName: 'rm_sessions',
  columns: {
    sessionId: uuidKey,
    courseId: uuid,
    status: text,
    treeVersion: text,
    unitCode: text,
    mode: text,
    place: nullableText,
    startsAt: instant,
    endsAt: instant,
    bridgePoints: { type: 'jsonb' },
  },
  indices: [{ name: 'rm_sessions_by_course', columns: ['courseId'] }],
});

/** Who attended which session, where; a session's reach is counted here. */
export interface AttendanceRow {
  sessionId: string;
  memberId: string;
  teamId: string;
  bridgePoint: string | null;
  firstTraining: boolean;
  recordedAt: Date;
}
export const Attendance = new EntitySchema<AttendanceRow>({
  name: 'Attendance',
  tableName: 'rm_attendance',
  columns: {
    sessionId: uuidKey,
    memberId: uuidKey,
    teamId: uuid,
    bridgePoint: nullableText,
    firstTraining: { type: 'boolean' },
    recordedAt: instant,
  },
  indices: [{ name: 'rm_attendance_by_member', columns: ['memberId'] }],
});
