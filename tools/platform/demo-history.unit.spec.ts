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
    expect(new Set(history.map((r) => r.activityId)).size).toBe(history.length);
  });

  it('never sends another line under an id, when days leave the recent two weeks for the history', () => {
    const starts = ['2026-12-03T03:00:00Z', '2026-12-10T03:00:00Z', '2026-12-24T16:30:00Z'].map(
      (at) => new Date(at),
    );
    const lineOf = new Map<string, Set<string>>();
    for (const at of starts)
      for (const line of [...historyReports(teams, at), ...demoReports(teams, at)]) {
        const id = (JSON.parse(line) as { activityId: string }).activityId;
        lineOf.set(id, (lineOf.get(id) ?? new Set()).add(line));
      }
    expect([...lineOf.values()].filter((lines) => lines.size > 1)).toEqual([]);
    // A day of the first start's two weeks is in the last start's history, beside its own four.
    const first = new Set(
      parse(demoReports(teams, starts[0] as Date)).map((r) => vietnamDayOf(r.occurredAt)),
    );
    const later = parse(historyReports(teams, starts[2] as Date)).filter((r) =>
      first.has(vietnamDayOf(r.occurredAt)),
    );
    expect(later.length).toBeGreaterThan(0);
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
