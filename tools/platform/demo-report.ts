// One demo report, the same whoever sends it and whenever: npm start's recent two weeks
// (demo-activities.ts) and the year before them (demo-history.ts) are made of these.
import { createHash } from 'node:crypto';
import { activityKinds, type ActivityKind } from '@nhip/contracts';
import { deterministicUuid } from '@nhip/event-sourcing';

/** A team as the demo reports for it. */
export interface DemoTeam {
  readonly teamId: string;
  readonly unitCode: string;
}

/** The days npm start's own reports cover, today included; the history stops before them. */
export const recentDays = 14;

const kinds = Object.keys(activityKinds) as ActivityKind[];

/**
 * The `n`th report of a team on a day. Everything in it follows from (day, team, n), the id's own
 * seed: a start on another day, or with more teams listed, sends the same line under the same id
 * (answered "duplicate"). Drawn from the team's place in the list and the day's distance from
 * today, as it first was, a second start a day later sent other reports under the same ids, and
 * the activity service rightly refused them all. (`v2`: new ids, so a database holding the first
 * kind of report takes these beside them instead of refusing them.)
 */
export function demoReport(team: DemoTeam, date: string, n: number): string {
  const seed = `demo/activity/v2/${date}/${team.teamId}/${n}`;
  const bytes = createHash('sha256').update(seed).digest();
  const hour = String(7 + ((bytes[0] as number) % 10)).padStart(2, '0');
  const minute = String((bytes[1] as number) % 60).padStart(2, '0');
  return JSON.stringify({
    activityId: deterministicUuid(seed),
    teamId: team.teamId,
    placeCode: team.unitCode,
    kind: kinds[(bytes[2] as number) % kinds.length],
    residentsHelped: 1 + ((bytes[3] as number) % 25),
    occurredAt: `${date}T${hour}:${minute}:00+07:00`,
  });
}
