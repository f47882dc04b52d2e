import { describe, expect, it } from '@jest/globals';
import { checkReport, type ReportFacts } from './check-report.decide.ts';
import { lateWindowOf } from './late-window.ts';
import type { ActivityReport } from './activity.ts';

const config = { lateWindowDays: 60, operationsCentreWindowDays: 400 };
const teamId = '0b8f3c1e-2d4a-4c6b-8e9f-1a2b3c4d5e6f';
const report: ActivityReport = {
  activityId: '7d1e2f3a-4b5c-4d6e-8f70-81a2b3c4d5e6',
  teamId,
  memberId: null,
  placeCode: '24175',
  kind: 'vneid_activation',
  residentsHelped: 3,
  occurredAt: '2026-08-01T09:00:00+07:00',
  campaignId: null,
};
const facts: ReportFacts = {
  team: { status: 'active', treeVersion: 'vn-2025', communeCode: '24175' },
  memberInTeam: true,
  place: { path: ['66', '24175'], communeCode: '24175' },
  campaign: undefined,
};
const now = '2026-12-06T03:00:00.000Z'; // 127 days and an hour after the report

const reasons = (role: Parameters<typeof lateWindowOf>[0]['role'], occurredAt = report.occurredAt) => {
  const judged = checkReport({ ...report, occurredAt }, facts, {
    now,
    lateWindow: lateWindowOf({ role }, config),
  });
  return judged.ok ? [] : judged.violations.map((v) => v.reason);
};

describe('how old a report each caller may record', () => {
  it('refuses a commune officer a report past 60 days, naming who records it', () => {
    expect(reasons('commune-officer')).toEqual([
      "Reports are accepted up to 60 days after the activity; this one happened 127 days ago. Ask the district operations centre or the province's IOC (up to 400 days) to record it.",
    ]);
  });

  it('takes it from a district OC, the province’s IOC or the admin, up to 400 days', () => {
    expect(['district-oc', 'ioc-operator', 'admin'].map((role) => reasons(role as 'admin'))).toEqual([
      [],
      [],
      [],
    ]);
    expect(reasons('district-oc', '2025-10-31T09:00:00+07:00')).toEqual([
      'Reports are accepted up to 400 days after the activity; this one happened 401 days ago.',
    ]);
  });
});
