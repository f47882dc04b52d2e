// The live province of npm start (a supervised process like the services): sets Đắk Lắk up once,
// then reports activity at SIM_RATE reports a second (default 30) shaped by the hour of the day,
// some communes busier than others, some late, a correction now and then; /health answers while
// it runs.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { devToken, personas } from '@nhip/dev-issuer';
import { busyness, simulatedReport, vietnamHour } from './rhythm.ts';
import { communeProfile, weightedPicker } from './commune-profile.ts';
import { kpiKnowsCommunes, statisticsReported, targetsTopDown } from './province-figures.ts';
import { campaignAndToday, courseMade } from './campaign-and-training.ts';
import { trainingHeld } from './training-held.ts';
import { untilDone } from './until-done.ts';
import { communesOf, membersEverywhere, teamsEverywhere, type Endpoints, type SimTeam } from './province.ts';

const env = process.env;
const rate = Number(env['SIM_RATE'] ?? 30);
const province = env['SIM_PROVINCE'] ?? '66';
const url = (name: string, port: string) => `http://127.0.0.1:${env[`${name}_PORT`] ?? port}`;
const status = {
  phase: 'setting up',
  teams: 0,
  members: 0,
  trained: 0,
  targets: 0,
  statistics: 0,
  sent: 0,
  accepted: 0,
  corrections: 0,
  rate,
};

/** A team to report next, its commune's pace weighing the draw: some communes lag, some lead. */
function teamPicker(teams: readonly SimTeam[]): () => SimTeam {
  const pick = weightedPicker(teams.map((t) => communeProfile(t.commune).pace));
  return () => teams[pick(Math.random())] as SimTeam;
}

async function send(ends: Endpoints, nextTeam: () => SimTeam, count: number, sent: string[]): Promise<void> {
  const lines = Array.from({ length: count }, () => {
    const team = nextTeam();
    const activityId = randomUUID();
    sent.push(activityId);
    return JSON.stringify({
      activityId,
      teamId: team.teamId,
      placeCode: team.village,
      ...simulatedReport(new Date(), Math.random),
    });
  });
  const reply = await fetch(`${ends.activity}/activities/bulk`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${ends.token}` },
    body: lines.join('\n'),
  });
  status.sent += count;
  if (reply.ok)
    status.accepted += ((await reply.json()) as { summary: { accepted: number } }).summary.accepted;
}

async function correctOne(ends: Endpoints, sent: string[]): Promise<void> {
  const activityId = sent[Math.floor(Math.random() * sent.length)];
  if (activityId === undefined) return;
  const reply = await fetch(`${ends.activity}/activities/${activityId}/corrections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ends.token}` },
    body: JSON.stringify({
      residentsHelped: 1 + Math.floor(Math.random() * 5),
      reason: 'Nhập nhầm số người',
    }),
  });
  if (reply.ok) status.corrections++;
}

async function main(): Promise<void> {
  http
    .createServer((_, response) => response.end(JSON.stringify(status)))
    .listen(Number(env['SIMULATOR_PORT'] ?? 3109), '127.0.0.1');
  const ends: Endpoints = {
    registry: url('REGISTRY', '3101'),
    activity: url('ACTIVITY', '3102'),
    training: url('TRAINING', '3103'),
    kpi: url('KPI', '3104'),
    token: await devToken(personas.admin),
  };
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const communes = await communesOf(ends, province, today);
  const teams = await teamsEverywhere(ends, province, communes);
  status.teams = teams.length;
  await kpiKnowsCommunes(ends, communes, today.slice(0, 4));
  status.targets = await targetsTopDown(ends, province, communes, today.slice(0, 4));
  if (status.targets < communes.length)
    console.warn(`simulator: targets assigned to ${status.targets} of ${communes.length} communes`);
  status.phase = 'running';
  // While the reports flow, the tiles without figures fill in, the dashboard's members per team
  // climbs as the teams fill up, then members trained as yesterday's session is recorded. Each
  // step is tried until it succeeds (until-done.ts), apart from the others; the course first,
  // which today's and yesterday's sessions both need.
  void untilDone('the statistics', () => statisticsReported(province, communes, today)).then((n) => {
    status.statistics = n ?? 0;
  });
  void (async () => {
    const course = untilDone('the course', () => courseMade(ends));
    void course.then(() =>
      untilDone('the campaign and today’s session', () => campaignAndToday(ends, province, communes, today)),
    );
    const staffed = await untilDone('the rosters', () => membersEverywhere(ends, teams));
    status.members = staffed?.reduce((n, team) => n + team.memberIds.length, 0) ?? 0;
    await course;
    if (staffed)
      status.trained =
        (await untilDone('yesterday’s training', () => trainingHeld(ends, province, staffed, today))) ?? 0;
  })();
  const nextTeam = teamPicker(teams);
  const sent: string[] = [];
  for (let tick = 0; ; tick++) {
    const started = Date.now();
    const count = Math.max(1, Math.round(rate * busyness(vietnamHour(new Date()))));
    await send(ends, nextTeam, count, sent).catch(() => undefined);
    if (tick % 20 === 19) await correctOne(ends, sent.splice(0, sent.length - 200)).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - started))));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
