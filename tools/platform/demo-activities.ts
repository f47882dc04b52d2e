// Demo activity for npm start: the year so far, entered by the province's IOC (demo-history.ts),
// then two weeks of reports from every pilot team, sent the way a commune syncs (one NDJSON upload
// per commune, by its officer), with ids derived from what they are (demo-report.ts), so a second
// start adds none. The province's IOC operator is who lists the teams.
import { vietnamDay } from '@nhip/contracts';
import { devToken, personas } from '@nhip/dev-issuer';
import { pilot } from './demo-data.ts';
import { fetchJson } from './demo-http.ts';
import { withStep } from '../infra/progress.ts';
import { historyReports } from './demo-history.ts';
import { demoReport, recentDays, type DemoTeam } from './demo-report.ts';

interface Team {
  readonly teamId: string;
  readonly unitCode: string;
  readonly unitPath: readonly string[];
}

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
  const said = (s: Summary, count: number) =>
    `${count} reports: ${s.accepted} accepted now, ${s.duplicate} accepted by an earlier start, none rejected`;
  const history = historyReports(teams, new Date());
  const ioc = await devToken(personas.provinceIoc);
  await withStep(
    `Entering the pilot communes' sheets since 1 January (the province's IOC, past a commune's 60 days)`,
    () => sendPerCommune(activityUrl, teams, history, () => Promise.resolve(ioc)),
    (s) => said(s, history.length),
  );
  await withStep(
    `Reporting two weeks of activity from ${teams.length} teams (bulk NDJSON, one file per commune)`,
    () => sendPerCommune(activityUrl, teams, lines, officerOf),
    (s) => said(s, lines.length),
  );
}

/**
 * Four reports a day per team over the last two weeks, during working hours in Vietnam (07:00 to
 * 16:00, UTC+7); hours still ahead today are left for a later start.
 */
export function demoReports(teams: readonly DemoTeam[], now: Date): string[] {
  const today = Date.parse(`${vietnamDay(now)}T00:00:00+07:00`);
  const lines: string[] = [];
  for (const team of teams) {
    for (let day = 0; day < recentDays; day++) {
      const date = vietnamDay(new Date(today - day * dayMs));
      for (let n = 0; n < 4; n++) lines.push(demoReport(team, date, n));
    }
  }
  return lines.filter(
    (line) => Date.parse((JSON.parse(line) as { occurredAt: string }).occurredAt) <= now.getTime(),
  );
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

const officerOf = (code: string) => devToken({ sub: `officer-${code}`, role: 'commune-officer', unit: code });

/** One upload per commune (its officer's, or whoever `tokenOf` names); the summaries add up. */
async function sendPerCommune(
  activityUrl: string,
  teams: readonly Team[],
  lines: readonly string[],
  tokenOf: (commune: string) => Promise<string>,
) {
  const commune = new Map(teams.map((team) => [team.teamId, communeOf(team)]));
  const files = Map.groupBy(
    lines,
    (line) => commune.get((JSON.parse(line) as { teamId: string }).teamId) ?? '',
  );
  const total: Summary = { accepted: 0, duplicate: 0, rejected: 0 };
  for (const [code, file] of files) {
    const summary = await sendUntilKnown(activityUrl, file.join('\n'), await tokenOf(code));
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
