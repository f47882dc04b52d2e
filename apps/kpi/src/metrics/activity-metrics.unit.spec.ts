import { describe, expect, it } from '@jest/globals';
import type { ActivityLoggedData } from '@nhip/contracts';
import { activityMetrics, type ActivityFact, type ActivityInput } from './activity-metrics.ts';

const report: ActivityLoggedData = {
  activityId: '0193a5b0-0000-7000-8000-000000000001',
  teamId: '0193a5b0-0000-7000-8000-0000000000aa',
  memberId: null,
  kind: 'vneid_activation',
  residentsHelped: 12,
  treeVersion: 'vn-2024',
  placeCode: '24172-001',
  placePath: ['66', '643', '24172', '24172-001'],
  communeCode: '24172',
  // 23:30 in Đắk Lắk on 31 March: it counts on 31 March, whenever it arrives.
  occurredAt: '2025-03-31T16:30:00Z',
  recordedAt: '2025-04-02T02:00:00Z',
  campaignId: null,
};
const logged: ActivityInput = { type: 'logged', data: report, eventId: 'e1', recordedAt: report.recordedAt };
const at = { units: report.placePath, day: '2025-03-31' };

function after(...inputs: ActivityInput[]): ActivityFact | undefined {
  return inputs.reduce<ActivityFact | undefined>(
    (fact, input) => activityMetrics(fact, input).fact,
    undefined,
  );
}

describe('activity events as metric deltas', () => {
  it('counts a logged activity on the Vietnamese day it happened, at its place', () => {
    expect(activityMetrics(undefined, logged).deltas).toEqual([
      {
        ...at,
        metric: 'residents_helped.vneid_activation',
        delta: 12,
        sourceEventId: 'e1',
        source: { kind: 'activity', id: report.activityId },
        recordedAt: report.recordedAt,
      },
      {
        ...at,
        metric: 'activities.vneid_activation',
        delta: 1,
        sourceEventId: 'e1',
        source: { kind: 'activity', id: report.activityId },
        recordedAt: report.recordedAt,
      },
    ]);
  });

  it('counts an activity logged twice once', () => {
    expect(activityMetrics(after(logged), logged).deltas).toEqual([]);
  });

  it('moves a correction on the day the activity happened, not the day it was corrected', () => {
    const correction: ActivityInput = {
      type: 'corrected',
      kind: 'public_service_account',
      residentsHelped: 10,
      eventId: 'e2',
      recordedAt: '2025-05-01T00:00:00Z',
    };
    const { deltas, fact } = activityMetrics(after(logged), correction);
    expect(deltas.map((d) => [d.metric, d.delta, d.day])).toEqual([
      ['residents_helped.vneid_activation', -12, '2025-03-31'],
      ['activities.vneid_activation', -1, '2025-03-31'],
      ['residents_helped.public_service_account', 10, '2025-03-31'],
      ['activities.public_service_account', 1, '2025-03-31'],
    ]);
    expect(fact).toMatchObject({ kind: 'public_service_account', residentsHelped: 10 });
  });

  it('takes a voided activity out of every total once, and ignores a correction after it', () => {
    const voided: ActivityInput = { type: 'voided', eventId: 'e3', recordedAt: '2025-05-02T00:00:00Z' };
    const first = activityMetrics(after(logged), voided);
    expect(first.deltas.map((d) => d.delta)).toEqual([-12, -1]);
    expect(activityMetrics(first.fact, voided).deltas).toEqual([]);
    const late: ActivityInput = {
      type: 'corrected',
      kind: 'other',
      residentsHelped: 1,
      eventId: 'e4',
      recordedAt: '2025-05-03T00:00:00Z',
    };
    expect(activityMetrics(first.fact, late).deltas).toEqual([]);
  });

  it('changes nothing for a correction that changes nothing', () => {
    const same: ActivityInput = {
      type: 'corrected',
      kind: 'vneid_activation',
      residentsHelped: 12,
      eventId: 'e5',
      recordedAt: '2025-05-01T00:00:00Z',
    };
    expect(activityMetrics(after(logged), same)).toEqual({ fact: after(logged), deltas: [] });
  });

  it('keeps a correction for an activity it never saw aside, counted nowhere', () => {
    const voided: ActivityInput = { type: 'voided', eventId: 'e6', recordedAt: '2025-05-02T00:00:00Z' };
    expect(activityMetrics(undefined, voided)).toEqual({ fact: undefined, deltas: [], orphan: true });
  });
});
