// The year so far behind npm start's two weeks: what the pilot communes did from 1 January, as their
// paper and Excel sheets held it, entered by the province's IOC (past a commune officer's 60-day
// window; ADR 0059). Without it a year to date, a monthly trend or "quý III" shows nothing in the
// demo. Light and rising through the year, as the campaigns spread: a team reports on about one day
// in seven from January to May, two from June to October, three in November and December, once on
// such a day.
import { createHash } from 'node:crypto';
import { vietnamDay } from '@nhip/contracts';
import { demoReport, recentDays, type DemoTeam } from './demo-report.ts';

const dayMs = 86_400_000;

/** Whether a team reported on a day: one day in seven to May, two to October, three after. */
function reportedOn(team: DemoTeam, date: string): boolean {
  const month = Number(date.slice(5, 7));
  const seed = createHash('sha256').update(`demo/history/${date}/${team.teamId}`).digest();
  return (seed[0] as number) % 7 < 1 + Math.floor((month - 1) / 5);
}

/**
 * One report on each day a team reported, from 1 January of this year (Vietnam's) to the day before
 * the recent two weeks. Everything follows from (day, team): a later start sends the same lines.
 */
export function historyReports(teams: readonly DemoTeam[], now: Date): string[] {
  const today = vietnamDay(now);
  const firstDay = Date.parse(`${today.slice(0, 4)}-01-01T00:00:00+07:00`);
  const lastDay = Date.parse(`${today}T00:00:00+07:00`) - recentDays * dayMs;
  const lines: string[] = [];
  for (let at = firstDay; at <= lastDay; at += dayMs) {
    const date = vietnamDay(new Date(at));
    // `n` 4: the recent reports are 0–3 of a day, so a day that has left the recent two weeks
    // keeps those under their ids and gains this one beside them.
    for (const team of teams) if (reportedOn(team, date)) lines.push(demoReport(team, date, 4));
  }
  return lines;
}
