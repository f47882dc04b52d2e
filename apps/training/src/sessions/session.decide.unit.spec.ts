import { describe, it } from '@jest/globals';
import { deciderSpec } from '@nhip/decider';
import type { PlanFacts, PlanSession, SessionEvent, SessionPlan } from './session.ts';
import { sessionDecider } from './session.decider.ts';

const spec = deciderSpec(sessionDecider);
const sessionId = '7c2d9e4f-1a3b-4c5d-8e6f-7a8b9c0d1e2f';
const courseId = '5b1e7c2a-9d3f-4a6b-8c0e-1f2a3b4c5d6e';
const online: SessionPlan = {
  sessionId,
  courseId,
  unitCode: '66',
  mode: 'online',
  place: null,
  startsAt: '2022-09-19T08:00:00+07:00',
  endsAt: '2022-09-19T11:30:00+07:00',
  bridgePoints: [
    { unitCode: '643', hostUnitCode: '643' },
    { unitCode: '24172', hostUnitCode: '24172' },
  ],
};
const facts: PlanFacts = {
  courseKnown: true,
  treeVersion: 'vn-2024',
  units: new Map([
    ['66', ['66']],
    ['643', ['66', '643']],
    ['24172', ['66', '643', '24172']],
    ['01', ['01']],
  ]),
};
const at = '2022-09-10T03:00:00.000Z';
const planCommand = (plan: Partial<SessionPlan> = {}, f: Partial<PlanFacts> = {}): PlanSession => ({
  type: 'PlanSession',
  plan: { ...online, ...plan },
  facts: { ...facts, ...f },
  at,
});
const planned: SessionEvent = {
  type: 'SessionPlanned',
  data: {
    ...online,
    bridgePoints: [...online.bridgePoints],
    treeVersion: 'vn-2024',
    unitPath: ['66'],
    recordedAt: at,
  },
};
const heldAt = '2022-09-19T05:00:00.000Z';
const held: SessionEvent = {
  type: 'SessionHeld',
  data: { sessionId, courseId, heldAt: online.startsAt, recordedAt: heldAt },
};
const cancelled: SessionEvent = {
  type: 'SessionCancelled',
  data: { sessionId, courseId, reason: 'Hoãn do mưa bão', recordedAt: heldAt },
};

describe('a training session', () => {
  it('is planned online with its bridge points on the tree in force on its start day', () => {
    spec.given([]).when(planCommand()).then([planned]);
  });

  it('ends after it starts', () => {
    spec
      .given([])
      .when(planCommand({ endsAt: online.startsAt }))
      .thenRefused('session_ends_before_start', 'endsAt');
  });

  it('names the bridge point that is not a unit, or not under the organising unit', () => {
    const stranger = [...online.bridgePoints, { unitCode: '01', hostUnitCode: '01' }];
    spec
      .given([])
      .when(planCommand({ bridgePoints: stranger }))
      .thenRefused('bridge_point_outside_unit', 'bridgePoints[2].unitCode');
    const unknown = [{ unitCode: '99999', hostUnitCode: '643' }];
    spec
      .given([])
      .when(planCommand({ bridgePoints: unknown }))
      .thenRefused('unknown_unit', 'bridgePoints[0].unitCode');
  });

  it('needs a place when held in person, and has no bridge points then', () => {
    spec
      .given([])
      .when(planCommand({ mode: 'in_person', bridgePoints: [] }))
      .thenRefused('place_required', 'place');
    spec
      .given([])
      .when(planCommand({ mode: 'in_person', place: 'Hội trường UBND xã' }))
      .thenRefused('bridge_points_online_only', 'bridgePoints');
  });

  it('is of a known course', () => {
    spec
      .given([])
      .when(planCommand({}, { courseKnown: false }))
      .thenRefused('unknown_course', 'courseId');
  });

  it('is held once it has started, and holding it again changes nothing', () => {
    spec.given([planned]).when({ type: 'HoldSession', at: heldAt }).then([held]);
    spec.given([planned, held]).when({ type: 'HoldSession', at: heldAt }).then([]);
    spec
      .given([planned])
      .when({ type: 'HoldSession', at: '2022-09-18T00:00:00.000Z' })
      .thenRefused('session_not_started');
  });

  it('is cancelled only while planned: a cancelled session is never held, a held one never cancelled', () => {
    const cancel = { type: 'CancelSession' as const, reason: 'Hoãn do mưa bão', at: heldAt };
    spec.given([planned]).when(cancel).then([cancelled]);
    spec
      .given([planned, cancelled])
      .when({ type: 'HoldSession', at: heldAt })
      .thenRefused('session_cancelled');
    spec.given([planned, held]).when(cancel).thenRefused('session_already_held');
    spec.given([]).when(cancel).thenRefused('session_not_found', 'sessionId');
  });
});
