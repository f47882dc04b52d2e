// Demo activity for npm start: two weeks of reports from every pilot team, sent the way a field
// app syncs (one NDJSON upload), with ids derived from what they are, so a second start adds none.
import { deterministicUuid } from '@nhip/event-sourcing';
import { fetchJson } from './demo-http.ts';
import { withStep } from '../infra/progress.ts';

interface Team {
  readonly teamId: string;
  readonly unitCode: string;
}

const kinds = [
  'vneid_activation',
  'public_service_account',
  'online_application',
  'e_payment_account',
  'e_health_app',
  'digital_address',
  'security_guidance',
  'communication_session',
];

export async function loadDemoActivities(registryUrl: string, activityUrl: string): Promise<void> {
  const { items: teams } = await fetchJson<{ items: Team[] }>(
    `${registryUrl}/teams?unit=66&pageSize=500&status=active`,
  );
  // Anchored to today so the reports stay inside the late window; ids anchor to the day too.
  const today = new Date().toISOString().slice(0, 10);
  const lines: string[] = [];
  for (const [t, team] of teams.entries()) {
    for (let day = 0; day < 14; day++) {
      for (let n = 0; n < 4; n++) {
        const at = new Date(
          Date.parse(`${today}T12:00:00Z`) - day * 86_400_000 - ((t * 7 + n * 3) % 10) * 3_600_000,
        );
        lines.push(
          JSON.stringify({
            activityId: deterministicUuid(`demo/activity/${today}/${team.teamId}/${day}/${n}`),
            teamId: team.teamId,
            placeCode: team.unitCode,
            kind: kinds[(t + day + n) % kinds.length],
            residentsHelped: 1 + ((t * 13 + day * 5 + n * 7) % 25),
            occurredAt: at.toISOString(),
          }),
        );
      }
    }
  }
  await withStep(
    `Reporting two weeks of activity from ${teams.length} teams (bulk NDJSON)`,
    () => sendUntilKnown(activityUrl, lines.join('\n')),
    (s) => `${s.accepted} accepted, ${s.duplicate} already there, ${s.rejected} rejected`,
  );
}

interface Summary {
  accepted: number;
  duplicate: number;
  rejected: number;
}

// The activity service learns teams from the registry's events a moment after they are
// registered: lines refused as unknown are sent again (ids make that safe) until none are.
async function sendUntilKnown(activityUrl: string, body: string): Promise<Summary> {
  let accepted = 0;
  for (let attempt = 1; ; attempt++) {
    const { summary } = await fetchJson<{ summary: Summary }>(`${activityUrl}/activities/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', 'x-actor': 'demo-loader' },
      body,
    });
    accepted += summary.accepted;
    if (summary.rejected === 0 || attempt === 30)
      return { ...summary, accepted, duplicate: summary.duplicate - (accepted - summary.accepted) };
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
