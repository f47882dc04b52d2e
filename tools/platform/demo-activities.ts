// Demo activity for npm start: two weeks of reports from every pilot team, sent the way a commune
// syncs (one NDJSON upload per commune, by its officer), with ids derived from what they are, so a
// second start adds none. The province's IOC operator is who lists the teams.
import { createHash } from 'node:crypto';
import { activityKinds, vietnamDay, type ActivityKind } from '@nhip/contracts';
import { devToken, personas } from '@nhip/dev-issuer';
import { deterministicUuid } from '@nhip/event-sourcing';
import { pilot } from './demo-data.ts';
import { fetchJson } from './demo-http.ts';
import { withStep } from '../infra/progress.ts';

interface Team {
  readonly teamId: string;
  readonly unitCode: string;
  readonly unitPath: readonly string[];
}

const kinds = Object.keys(activityKinds) as ActivityKind[];
const dayMs = 86_400_000;

export async function loadDemoActivities(registryUrl: string, activityUrl: string): Promise<void> {
  const { items } = await fetchJson<{ items: Team[] }>(
    `${registryUrl}/teams?unit=66&pageSize=500&status=active`,
    {
      headers: { authorization: `Bearer ${await devToken(personas.provinceIoc)}` },
    },
  );
  // The pilot's teams only: the simulator registers a team in every other village of the province
  // once the platform is up, and reports their activity live (tools/platform/simulator).
  const pilotCommunes = new Set(pilot.map((c) => c.code));
  const teams = items.filter((team) => pilotCommunes.has(communeOf(team)));
  const lines = demoReports(teams, new Date());
  await withStep(
    'Waiting for the activity service to hear of every unit and team from the registry',
    () => replicaCaughtUp(activityUrl),
    (waited) => `caught up after ${(waited / 1000).toFixed(1)} s`,
  );
  await withStep(
    `Reporting two weeks of activity from ${teams.length} teams (bulk NDJSON, one file per commune)`,
    () => sendPerCommune(activityUrl, teams, lines),
    (s) =>
      `${lines.length} reports: ${s.accepted} accepted now, ${s.duplicate} accepted by an earlier start, none rejected`,
  );
}

/**
 * Four reports a day per team over the last two weeks, during working hours in Vietnam (07:00 to
 * 16:00, UTC+7); hours still ahead today are left for a later start.
 */
export function demoReports(teams: readonly Pick<Team, 'teamId' | 'unitCode'>[], now: Date): string[] {
  const today = Date.parse(`${vietnamDay(now)}T00:00:00+07:00`);
  const lines: string[] = [];
  for (const team of teams) {
    for (let day = 0; day < 14; day++) {
      const date = vietnamDay(new Date(today - day * dayMs));
      for (let n = 0; n < 4; n++) lines.push(demoReport(team, date, n));
    }
  }
  return lines.filter(
    (line) => Date.parse((JSON.parse(line) as { occurredAt: string }).occurredAt) <= now.getTime(),
  );
}

/**
 * The `n`th report of a team on a day. Everything in it follows from (day, team, n), the id's own
 * seed: a start on another day, or with more teams listed, sends the same line under the same id
 * (answered "duplicate"). Drawn from the team's place in the list and the day's distance from
 * today, as it first was, a second start a day later sent other reports under the same ids, and
 * the activity service rightly refused them all. (`v2`: new ids, so a database holding the first
 * kind of report takes these beside them instead of refusing them.)
 */
function demoReport(team: Pick<Team, 'teamId' | 'unitCode'>, date: string, n: number): string {
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

interface Summary {
  accepted: number;
  duplicate: number;
  rejected: number;
}

interface Rejection {
  line: number;
  verdict: string;
  errors?: { field: string; reason: string }[];
}

/**
 * The activity service judges an officer's area from its replica of the registry: until the 14,000
 * units just imported have reached it, a report from Xã Hòa Phú may look outside Xã Hòa Phú (403).
 * Caught up means no registry message left unapplied, seen twice a second apart (the registry's
 * relay may still be publishing between two looks).
 */
async function replicaCaughtUp(activityUrl: string): Promise<number> {
  const started = Date.now();
  let lastLag = 'unknown';
  for (let zeros = 0; zeros < 2;) {
    if (Date.now() - started > 180_000)
      throw new Error(`The activity service is still ${lastLag} registry messages behind after 3 minutes.`);
    await new Promise((r) => setTimeout(r, 1_000));
    lastLag = (await fetchJson<{ replicaLag: string }>(`${activityUrl}/health`)).replicaLag;
    zeros = lastLag === '0' ? zeros + 1 : 0;
  }
  return Date.now() - started;
}

// The activity service learns teams and units from the registry's events a moment after they are
// registered: lines refused as unknown are sent again (ids make that safe) until none are.
// Anything still refused after that is a defect of the demo data: the step fails with the reason.
async function sendUntilKnown(activityUrl: string, body: string, token: string): Promise<Summary> {
  let accepted = 0;
  for (let attempt = 1; ; attempt++) {
    const { summary, verdicts } = await fetchJson<{ summary: Summary; verdicts: Rejection[] }>(
      `${activityUrl}/activities/bulk`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
        body,
      },
    );
    accepted += summary.accepted;
    const refused = verdicts.filter((v) => v.verdict === 'rejected');
    if (refused.length === 0)
      return { ...summary, accepted, duplicate: summary.duplicate - (accepted - summary.accepted) };
    const notYetKnown = (field: string): boolean => field === 'teamId' || field === 'placeCode';
    const onlyUnknownTeams = refused.every((v) => v.errors?.every((e) => notYetKnown(e.field)));
    if (!onlyUnknownTeams || attempt === 30) throw new Error(demoRefused(refused));
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

// A commune code has five digits; a village's code adds a suffix (24175-001).
const communeOf = (team: Team): string => team.unitPath.find((code) => /^\d{5}$/.test(code)) ?? team.unitCode;

/** Each commune's officer uploads that commune's reports; the summaries add up. */
async function sendPerCommune(activityUrl: string, teams: readonly Team[], lines: readonly string[]) {
  const commune = new Map(teams.map((team) => [team.teamId, communeOf(team)]));
  const files = Map.groupBy(
    lines,
    (line) => commune.get((JSON.parse(line) as { teamId: string }).teamId) ?? '',
  );
  const total: Summary = { accepted: 0, duplicate: 0, rejected: 0 };
  for (const [code, file] of files) {
    const officer = await devToken({ sub: `officer-${code}`, role: 'commune-officer', unit: code });
    const summary = await sendUntilKnown(activityUrl, file.join('\n'), officer);
    total.accepted += summary.accepted;
    total.duplicate += summary.duplicate;
    total.rejected += summary.rejected;
  }
  return total;
}

function demoRefused(refused: readonly Rejection[]): string {
  const first = refused[0]?.errors?.[0];
  return `The activity service refused ${refused.length} demo reports (line ${refused[0]?.line}: ${first?.field}: ${first?.reason}).`;
}
