import { describe, it } from '@jest/globals';
import { deciderSpec } from '@nhip/decider';
import { expect } from '@jest/globals';
import { DomainRuleViolation } from '@nhip/decider';
import { activityDecider } from './activity.decider.ts';
import type { ActivityEvent, ActivityLogged, LogActivity } from './activity.ts';
import type { ReportFacts } from './check-report.decide.ts';

const spec = deciderSpec(activityDecider);
const activityId = '3f6d2a10-7c4b-4e8a-9b1f-2a3c4d5e6f70';
const logged: ActivityLogged = {
  activityId,
  teamId: '6f1c2a4e-8b0d-4c3e-9a57-2d6f3b1e9c10',
  memberId: null,
  kind: 'vneid_activation',
  residentsHelped: 12,
  treeVersion: 'vn-2025',
  placeCode: '24175-003',
  placePath: ['66', '24175', '24175-003'],
  communeCode: '24175',
  occurredAt: '2026-11-20T19:30:00+07:00',
  recordedAt: '2026-11-21T02:10:00.000Z',
  campaignId: null,
};
const { treeVersion, placePath, communeCode, recordedAt, ...report } = logged;
const facts: ReportFacts = {
  team: { status: 'active', treeVersion, communeCode },
  memberInTeam: false,
  place: { path: placePath, communeCode },
  campaign: undefined,
};
const logIt = (changes: Partial<ReportFacts> = {}): LogActivity => ({
  type: 'LogActivity',
  report,
  facts: { ...facts, ...changes },
  receivedAt: recordedAt,
  lateWindow: { days: 60, olderRecordedBy: { who: 'the district OC', days: 400 } },
});
const at = '2026-11-22T01:00:00.000Z';
const wasLogged: ActivityEvent = { type: 'ActivityLogged', data: logged };
const voided: ActivityEvent = {
  type: 'ActivityVoided',
  data: { activityId, communeCode: '24175', voidedBy: 'officer-7', reason: 'Báo cáo trùng', recordedAt: at },
};
const correct = (residentsHelped?: number, kind?: ActivityLogged['kind']) =>
  ({ type: 'CorrectActivity', kind, residentsHelped, by: 'officer-7', reason: 'Nhập nhầm số', at }) as const;

describe('an activity report', () => {
  it('is logged once, where and when the facts place it; the same id again is refused', () => {
    spec.given([]).when(logIt()).then([wasLogged]);
    spec.given([wasLogged]).when(logIt()).thenRefused('activity_id_reused', 'activityId');
  });

  it('is refused with every rule it breaks, the first one leading', () => {
    const suspended = { status: 'suspended', treeVersion, communeCode };
    const elsewhere = { path: ['66', '24343', '24343-001'], communeCode: '24343' };
    spec
      .given([])
      .when(logIt({ team: suspended, place: elsewhere }))
      .thenRefused('team_suspended', 'teamId');
    let refusal: unknown;
    try {
      activityDecider.decide(logIt({ team: suspended, place: elsewhere }), { status: 'none' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainRuleViolation);
    expect((refusal as DomainRuleViolation).problems.map((p) => [p.code, p.field])).toEqual([
      ['team_suspended', 'teamId'],
      ['place_outside_team_area', 'placeCode'],
    ]);
  });

  it('is corrected with who, why and what it was', () => {
    spec
      .given([wasLogged])
      .when(correct(21))
      .then([
        {
          type: 'ActivityCorrected',
          data: {
            activityId,
            communeCode: '24175',
            kind: 'vneid_activation',
            residentsHelped: 21,
            previousKind: 'vneid_activation',
            previousResidentsHelped: 12,
            correctedBy: 'officer-7',
            reason: 'Nhập nhầm số',
            recordedAt: at,
          },
        },
      ]);
  });

  it('decides nothing for a correction that changes nothing', () => {
    spec.given([wasLogged]).when(correct(12, 'vneid_activation')).then([]);
  });

  it('is voided, and then nothing changes it', () => {
    spec
      .given([wasLogged])
      .when({ type: 'VoidActivity', by: 'officer-7', reason: 'Báo cáo trùng', at })
      .then([voided]);
    spec.given([wasLogged, voided]).when(correct(3)).thenRefused('activity_voided');
    spec
      .given([wasLogged, voided])
      .when({ type: 'VoidActivity', by: 'x', reason: 'y', at })
      .thenRefused('activity_voided');
  });

  it('cannot be corrected before it exists', () => {
    spec.given([]).when(correct(3)).thenRefused('activity_not_found', 'activityId');
  });
});
