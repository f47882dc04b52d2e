import Type from 'typebox';
import { publicEvent, publicTopics } from '../public-event.ts';
import {
  codesOf,
  IsoDate,
  MemberId,
  oneOf,
  TreeVersion,
  UnitCode,
  UnitPath,
  Uuid,
} from '../registry/schema-parts.ts';
import { sessionModes, trainingTopics } from './vocabulary.ts';

const Instant = Type.String({ format: 'date-time' });
const Topic = oneOf(codesOf(trainingTopics), 'What the course teaches; labels in the AsyncAPI description.');
const Mode = oneOf(codesOf(sessionModes), 'in_person (one place) or online (bridge points).');

export const CourseDefinedV1 = publicEvent({
  type: 'vn.nhip.training.course.defined.v1',
  topic: publicTopics.trainingCourse,
  keyField: 'courseId',
  summary: 'A course members can be trained on: its title, topic, provider and where it runs.',
  schema: Type.Object({
    courseId: Uuid,
    title: Type.String({ minLength: 1, maxLength: 300 }),
    topic: Topic,
    provider: Type.String({ minLength: 1, maxLength: 300 }),
    platform: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()], {
      description: 'The online platform it runs on (e.g. OneTouch), null when taught in person only.',
    }),
    recordedAt: Instant,
  }),
});

const BridgePoint = Type.Object(
  {
    unitCode: UnitCode,
    hostUnitCode: UnitCode,
  },
  { description: 'A unit connected to an online session (điểm cầu), and the unit hosting the point.' },
);

// Keyed by session: a session's planning, holding and cancellation stay in order.
const session = { topic: publicTopics.trainingSession, keyField: 'sessionId' } as const;

export const SessionPlannedV1 = publicEvent({
  ...session,
  type: 'vn.nhip.training.session.planned.v1',
  summary:
    'A session of a course: the organising unit, in person or online with its bridge points, start and end.',
  schema: Type.Object({
    sessionId: Uuid,
    courseId: Uuid,
    treeVersion: TreeVersion,
    unitCode: UnitCode,
    unitPath: UnitPath,
    mode: Mode,
    place: Type.Union([Type.String({ minLength: 1, maxLength: 300 }), Type.Null()]),
    startsAt: Instant,
    endsAt: Instant,
    bridgePoints: Type.Array(BridgePoint),
    recordedAt: Instant,
  }),
});

export const SessionHeldV1 = publicEvent({
  ...session,
  type: 'vn.nhip.training.session.held.v1',
  summary: 'A planned session took place: from now on it takes attendance.',
  schema: Type.Object({ sessionId: Uuid, courseId: Uuid, heldAt: Instant, recordedAt: Instant }),
});

export const SessionCancelledV1 = publicEvent({
  ...session,
  type: 'vn.nhip.training.session.cancelled.v1',
  summary: 'A planned session was called off: it takes no attendance.',
  schema: Type.Object({
    sessionId: Uuid,
    courseId: Uuid,
    reason: Type.String({ minLength: 1, maxLength: 500 }),
    recordedAt: Instant,
  }),
});

// Keyed by member: what is known about one member's training arrives in order.
const attendance = { topic: publicTopics.trainingAttendance, keyField: 'memberId' } as const;
const Reach = {
  memberId: MemberId,
  sessionId: Uuid,
  courseId: Uuid,
  teamId: Uuid,
  treeVersion: TreeVersion,
  unitPath: Type.Array(UnitCode, {
    minItems: 1,
    description: "The member's team's unit path: rollups of who was trained follow it.",
  }),
};

export const AttendanceRecordedV1 = publicEvent({
  ...attendance,
  subjectField: 'sessionId',
  type: 'vn.nhip.training.attendance.recorded.v1',
  summary: 'A member attended a held session (at a bridge point of an online one).',
  schema: Type.Object({
    ...Reach,
    bridgePoint: Type.Union([UnitCode, Type.Null()]),
    attendedAt: Type.String({ format: 'date-time', description: 'When the session started.' }),
    completedOn: Type.Union([IsoDate, Type.Null()], {
      description:
        'The completion date an online course platform reported, when the line came from its list.',
    }),
    recordedAt: Instant,
  }),
});

export const MemberTrainedV1 = publicEvent({
  ...attendance,
  type: 'vn.nhip.training.attendance.member-trained.v1',
  summary: 'A member attended a held session for the first time: published once per member, never again.',
  schema: Type.Object({
    ...Reach,
    trainedAt: Type.String({ format: 'date-time', description: 'When that first session started.' }),
  }),
});

export type CourseDefinedData = Type.Static<typeof CourseDefinedV1.schema>;
export type SessionPlannedData = Type.Static<typeof SessionPlannedV1.schema>;
export type AttendanceRecordedData = Type.Static<typeof AttendanceRecordedV1.schema>;

export const trainingEvents = [
  CourseDefinedV1,
  SessionPlannedV1,
  SessionHeldV1,
  SessionCancelledV1,
  AttendanceRecordedV1,
  MemberTrainedV1,
] as const;
