import { describe, expect, it } from '@jest/globals';
import type { ActivityReport } from './activity.ts';
import { vietnamDay } from '@nhip/contracts';
import { checkReport, type ReportFacts } from './check-report.decide.ts';
import { lateWindowOf } from './late-window.ts';

const report: ActivityReport = {
  activityId: '3f6d2a10-7c4b-4e8a-9b1f-2a3c4d5e6f70',
  teamId: '6f1c2a4e-8b0d-4c3e-9a57-2d6f3b1e9c10',
  memberId: '0b8f5d7e-3c21-4f6a-8e90-5a4b3c2d1e0f',
  placeCode: '24175-003',
  kind: 'vneid_activation',
  residentsHelped: 12,
  occurredAt: '2026-11-20T19:30:00+07:00',
  campaignId: null,
};
const facts: ReportFacts = {
  team: { status: 'active', treeVersion: 'vn-2025', communeCode: '24175' },
  memberInTeam: true,
  place: { path: ['66', '24175', '24175-003'], communeCode: '24175' },
  campaign: undefined,
};
const clock = {
  now: '2026-11-23T03:00:00.000Z',
  lateWindow: { days: 60, olderRecordedBy: { who: 'the district OC', days: 400 } },
};
const codes = (r: ActivityReport, f: Partial<ReportFacts> = {}, c = clock) => {
  const judged = checkReport(r, { ...facts, ...f }, c);
  return judged.ok ? [] : judged.violations.map((v) => `${v.code}@${v.field}`);
};

describe('judging a report against the replica and the clock', () => {
  it('accepts a report of an active team in its commune and says where it counts', () => {
    const judged = checkReport(report, facts, clock);
    expect(judged.ok && judged.logged).toMatchObject({
      communeCode: '24175',
      treeVersion: 'vn-2025',
      recordedAt: clock.now,
    });
  });

  it.each([
    ['an unknown team (or one the replica has not seen yet)', { team: undefined }, 'unknown_team@teamId'],
    ['a dissolved team', { team: { ...facts.team!, status: 'dissolved' } }, 'team_dissolved@teamId'],
    ['a suspended team', { team: { ...facts.team!, status: 'suspended' } }, 'team_suspended@teamId'],
    ['a member not in the team', { memberInTeam: false }, 'member_not_in_team@memberId'],
    ['a place the tree does not know', { place: undefined }, 'unknown_place@placeCode'],
    [
      'a place in another commune',
      { place: { path: ['66', '24343'], communeCode: '24343' } },
      'place_outside_team_area@placeCode',
    ],
  ] as const)('refuses %s', (_what, changed, code) => {
    expect(codes(report, changed)).toEqual([code]);
  });

  it('refuses the future beyond ten minutes of clock drift, and reports older than the window', () => {
    expect(codes({ ...report, occurredAt: '2026-11-23T10:05:00+07:00' })).toEqual([]);
    expect(codes({ ...report, occurredAt: '2026-11-23T10:20:00+07:00' })).toEqual([
      'occurred_in_future@occurredAt',
    ]);
    expect(codes({ ...report, occurredAt: '2026-09-25T12:00:00+07:00' })).toEqual([]);
    expect(codes({ ...report, occurredAt: '2026-09-23T09:00:00+07:00' })).toEqual([
      'report_too_late@occurredAt',
    ]);
  });

  it('checks a campaign: it exists, runs that day (Vietnam time) and covers the place', () => {
    const inCampaign = { ...report, campaignId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' };
    const campaign = { startsOn: '2026-11-21', endsOn: '2026-12-31', unitCodes: ['24175'] };
    expect(codes(inCampaign)).toEqual(['unknown_campaign@campaignId']);
    expect(codes(inCampaign, { campaign })).toEqual(['outside_campaign_period@occurredAt']);
    expect(codes({ ...inCampaign, occurredAt: '2026-11-21T00:30:00+07:00' }, { campaign })).toEqual([]);
    expect(
      codes(
        { ...inCampaign, occurredAt: '2026-11-21T00:30:00+07:00' },
        { campaign: { ...campaign, unitCodes: ['24343'] } },
      ),
    ).toEqual(['place_outside_campaign@placeCode']);
    expect(vietnamDay('2026-11-20T17:30:00Z')).toBe('2026-11-21');
  });
});

describe('how old a report each caller may record (late-window.ts)', () => {
  const windows = { lateWindowDays: 60, operationsCentreWindowDays: 400 };
  const now = '2026-12-06T03:00:00.000Z';
  const reasons = (role: Parameters<typeof lateWindowOf>[0]['role'], occurredAt: string) => {
    const at = { now, lateWindow: lateWindowOf({ role }, windows) };
    const judged = checkReport({ ...report, occurredAt }, facts, at);
    return judged.ok ? [] : judged.violations.map((v) => v.reason);
  };

  it('refuses a commune officer a report past 60 days, naming who records it', () => {
    expect(reasons('commune-officer', '2026-08-01T09:00:00+07:00')).toEqual([
      "Reports are accepted up to 60 days after the activity; this one happened 127 days ago. Ask the district operations centre or the province's IOC to record it (up to 400 days).",
    ]);
    // Past every window, or where theirs is no wider, no one is named.
    expect(reasons('commune-officer', '2025-10-31T09:00:00+07:00')).toEqual([
      'Reports are accepted up to 60 days after the activity; this one happened 401 days ago.',
    ]);
    expect(
      lateWindowOf({ role: 'commune-officer' }, { ...windows, lateWindowDays: 3650 }).olderRecordedBy,
    ).toBeUndefined();
  });

  it('takes it from a district OC, the province’s IOC or the admin, up to 400 days', () => {
    const roles = ['district-oc', 'ioc-operator', 'admin'] as const;
    expect(roles.map((role) => reasons(role, '2026-08-01T09:00:00+07:00'))).toEqual([[], [], []]);
    expect(reasons('district-oc', '2025-10-31T09:00:00+07:00')).toEqual([
      'Reports are accepted up to 400 days after the activity; this one happened 401 days ago.',
    ]);
    const wide = lateWindowOf({ role: 'district-oc' }, { ...windows, lateWindowDays: 3650 });
    expect(wide.days).toBe(3650);
  });
});
