// npm start must have every demo report accepted: none in the future, none past the late window,
// and a second start, that day or a later one, sending nothing new under an old id.
import { describe, expect, it } from '@jest/globals';
import { demoReports } from './demo-activities.ts';

const teams = Array.from({ length: 30 }, (_, i) => ({
  teamId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  unitCode: `24175-${String(i + 1).padStart(3, '0')}`,
}));
const parse = (lines: string[]) =>
  lines.map((l) => JSON.parse(l) as { activityId: string; occurredAt: string });

describe('the demo reports of npm start', () => {
  it.each([
    ['just after midnight in Vietnam', '2026-12-02T17:05:00Z'],
    ['at noon UTC (19:00 in Vietnam)', '2026-12-03T12:00:00Z'],
    ['just before midnight in Vietnam', '2026-12-03T16:59:00Z'],
  ])('are all in the past and inside 14 days when started %s', (_, at) => {
    const now = new Date(at);
    const reports = parse(demoReports(teams, now));
    expect(reports.length).toBeGreaterThanOrEqual(30 * 4 * 13);
    for (const r of reports) {
      expect(Date.parse(r.occurredAt)).toBeLessThanOrEqual(now.getTime());
      expect(now.getTime() - Date.parse(r.occurredAt)).toBeLessThan(15 * 86_400_000);
    }
  });

  it('keep each id bound to one report when started again later the same day', () => {
    const morning = parse(demoReports(teams, new Date('2026-12-03T01:00:00Z')));
    const evening = parse(demoReports(teams, new Date('2026-12-03T15:00:00Z')));
    const later = new Map(evening.map((r) => [r.activityId, r.occurredAt]));
    for (const r of morning) expect(later.get(r.activityId)).toBe(r.occurredAt);
    expect(evening.length).toBe(30 * 4 * 14);
    expect(new Set(evening.map((r) => r.activityId)).size).toBe(evening.length);
  });

  it('send the very same line under an id on a later day, with more teams listed before them', () => {
    const first = demoReports(teams, new Date('2026-12-03T09:00:00Z'));
    const more = [
      ...Array.from({ length: 5 }, (_, i) => ({
        teamId: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
        unitCode: `24343-${String(i + 1).padStart(3, '0')}`,
      })),
      ...teams,
    ];
    const later = new Map(
      demoReports(more, new Date('2026-12-05T09:00:00Z')).map((line) => [
        (JSON.parse(line) as { activityId: string }).activityId,
        line,
      ]),
    );
    const shared = first.filter((line) => later.has((JSON.parse(line) as { activityId: string }).activityId));
    expect(shared.length).toBeGreaterThanOrEqual(30 * 4 * 11);
    for (const line of shared)
      expect(later.get((JSON.parse(line) as { activityId: string }).activityId)).toBe(line);
  });
});
