// The year behind npm start's two weeks: every line accepted from the province's IOC (after 1
// January, before the recent days, inside its 400 days), none under an id the recent reports use,
// the same lines from a later start, and more of them as the year goes on.
import { describe, expect, it } from '@jest/globals';
import { demoReports } from './demo-activities.ts';
import { historyReports } from './demo-history.ts';

const teams = Array.from({ length: 30 }, (_, i) => ({
  teamId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  unitCode: `24175-${String(i + 1).padStart(3, '0')}`,
}));
const parse = (lines: string[]) =>
  lines.map((l) => JSON.parse(l) as { activityId: string; occurredAt: string });
const vietnamDayOf = (occurredAt: string) => occurredAt.slice(0, 10);

describe('the demo year before the recent two weeks', () => {
  const now = new Date('2026-12-03T03:00:00Z');
  const history = parse(historyReports(teams, now));

  it('runs from 1 January to the day before the recent fourteen, none in them', () => {
    const days = history.map((r) => vietnamDayOf(r.occurredAt)).sort();
    expect([days[0] ?? '', days.at(-1) ?? '']).toEqual(['2026-01-01', '2026-11-19']);
    const recent = new Set(parse(demoReports(teams, now)).map((r) => r.activityId));
    expect(history.filter((r) => recent.has(r.activityId))).toEqual([]);
    expect(new Set(history.map((r) => r.activityId)).size).toBe(history.length);
  });

  it('rises through the year: about one team-day in seven in January, three in seven in November', () => {
    const inMonth = (month: string) => history.filter((r) => r.occurredAt.startsWith(`2026-${month}`)).length;
    const [january, november] = [inMonth('01') / (31 * 30), inMonth('11') / (19 * 30)];
    expect([january, november].map((share) => Math.round(share * 7))).toEqual([1, 3]);
  });

  it('sends the same lines from a later start, and nothing on the year’s first days', () => {
    const later = new Set(historyReports(teams, new Date('2026-12-20T03:00:00Z')));
    expect(historyReports(teams, now).every((line) => later.has(line))).toBe(true);
    expect(historyReports(teams, new Date('2027-01-10T03:00:00Z'))).toEqual([]);
  });
});
