import { describe, it } from '@jest/globals';
import { deciderSpec } from '@nhip/decider';
import type { AttendanceEvent, RecordAttendance, SessionFacts, TeamFact } from './attendance.ts';
import { attendanceDecider } from './attendance.decider.ts';

const spec = deciderSpec(attendanceDecider);
const memberId = '0b8f5d7e-3c21-4f6a-8e90-5a4b3c2d1e0f';
const courseId = '5b1e7c2a-9d3f-4a6b-8c0e-1f2a3b4c5d6e';
const session: SessionFacts = {
  sessionId: '7c2d9e4f-1a3b-4c5d-8e6f-7a8b9c0d1e2f',
  courseId,
  status: 'held',
  treeVersion: 'vn-2024',
  unitCode: '66',
  startsAt: '2022-09-19T08:00:00+07:00',
  bridgePoints: ['643', '24172'],
};
const second: SessionFacts = {
  ...session,
  sessionId: '8d3e0f5a-2b4c-4d6e-9f70-8b9c0d1e2f3a',
  startsAt: '2022-10-20T08:00:00+07:00',
};
const team: TeamFact = {
  teamId: '6f1c2a4e-8b0d-4c3e-9a57-2d6f3b1e9c10',
  status: 'active',
  treeVersion: 'vn-2024',
  unitPath: ['66', '643', '24172', '24172-003'],
};
const at = '2022-09-20T02:15:00.000Z';
const record = (
  change: Partial<Omit<RecordAttendance, 'facts'>> = {},
  facts: Partial<RecordAttendance['facts']> = {},
): RecordAttendance => ({
  type: 'RecordAttendance',
  memberId,
  sessionId: session.sessionId,
  bridgePoint: '24172',
  completedOn: '2022-09-19',
  facts: { session, teams: [team], ...facts },
  at,
  ...change,
});
const attended = (s: SessionFacts, firstTraining: boolean): AttendanceEvent => ({
  type: 'MemberAttended',
  data: {
    memberId,
    sessionId: s.sessionId,
    courseId,
    teamId: team.teamId,
    treeVersion: 'vn-2024',
    unitPath: [...team.unitPath],
    bridgePoint: '24172',
    attendedAt: s.startsAt,
    completedOn: '2022-09-19',
    recordedAt: at,
    firstTraining,
  },
});

describe("a member's attendance", () => {
  it('is recorded for a held session at a bridge point their team is under, and trains them', () => {
    spec
      .given([])
      .when(record())
      .then([attended(session, true)]);
  });

  it('trains a member once: a second held session is attended, not a second training', () => {
    spec
      .given([attended(session, true)])
      .when(record({ sessionId: second.sessionId }, { session: second }))
      .then([attended(second, false)]);
  });

  it('is recorded once per session: the same session again changes nothing', () => {
    spec
      .given([attended(session, true)])
      .when(record())
      .then([]);
  });

  it('is taken only for a held session: not for a planned one, not for a cancelled one', () => {
    spec
      .given([])
      .when(record({}, { session: { ...session, status: 'planned' } }))
      .thenRefused('session_not_held', 'sessionId');
    spec
      .given([])
      .when(record({}, { session: { ...session, status: 'cancelled' } }))
      .thenRefused('session_cancelled', 'sessionId');
    spec
      .given([])
      .when(record({}, { session: undefined }))
      .thenRefused('session_not_found', 'sessionId');
  });

  it("is only for a member of a team in the bridge point's unit, or the session's units when none is named", () => {
    spec
      .given([])
      .when(record({ bridgePoint: '643' }, { teams: [{ ...team, unitPath: ['66', '650', '24355'] }] }))
      .thenRefused('member_not_in_unit', 'memberId');
    spec
      .given([])
      .when(record({ bridgePoint: '650' }))
      .thenRefused('unknown_bridge_point', 'bridgePoint');
    spec
      .given([])
      .when(record({}, { teams: [] }))
      .thenRefused('unknown_member', 'memberId');
    spec
      .given([])
      .when(record({}, { teams: [{ ...team, treeVersion: 'vn-2025' }] }))
      .thenRefused('member_not_in_unit', 'memberId');
    const anywhere = {
      ...attended(session, true),
      data: { ...attended(session, true).data, bridgePoint: null },
    };
    spec
      .given([])
      .when(record({ bridgePoint: null }))
      .then([anywhere]);
  });

  it('is not recorded for a member of a dissolved team', () => {
    spec
      .given([])
      .when(record({}, { teams: [{ ...team, status: 'dissolved' }] }))
      .thenRefused('team_dissolved', 'memberId');
    const elsewhere = { ...team, teamId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', status: 'dissolved' };
    spec
      .given([])
      .when(record({}, { teams: [elsewhere, team] }))
      .then([attended(session, true)]);
  });
});
