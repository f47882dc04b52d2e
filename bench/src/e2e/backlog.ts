// The KPI consumer's throughput on its own: one upload of many activities lands on its topic much
// faster than it is folded (the activity service ingests and relays several thousand a second), so
// the consumer meets a backlog and works in full batches. Its rate is read from its own table of
// counted activities between 10 % and 90 % of the backlog, away from the ramp at either end.
import { randomUUID } from 'node:crypto';
import { pendingOutboxCount } from '@nhip/event-sourcing';
import type { RunningService } from '@nhip/testing';
import pg from 'pg';
import type { ProjectionStack } from '../projection/stack.ts';

interface Sample {
  readonly at: number;
  readonly folded: number;
}

const factCount = async (kpi: RunningService): Promise<number> =>
  (await kpi.sql<{ n: number }>('SELECT count(*)::int AS n FROM kpi_activity_facts'))[0]?.n ?? 0;

/** A pool on a service's own database, for the library's outbox query. */
function poolOf(service: RunningService): pg.Pool {
  const url = new URL(process.env['NHIP_POSTGRES_ADMIN_URL'] ?? '');
  url.pathname = `/${service.database}`;
  return new pg.Pool({ connectionString: url.toString(), max: 1 });
}

function upload(stack: ProjectionStack, count: number): string {
  const occurredAt = new Date(Date.now() - 60_000).toISOString();
  return Array.from({ length: count }, (_, i) => {
    const team = stack.teams[i % stack.teams.length] as { teamId: string; place: string };
    return JSON.stringify({
      activityId: randomUUID(),
      teamId: team.teamId,
      placeCode: team.place,
      kind: 'vneid_activation',
      residentsHelped: 1,
      occurredAt,
    });
  }).join('\n');
}

/** When the folded count crossed `level`, interpolated between the samples either side. */
function crossing(samples: readonly Sample[], level: number): number {
  const after = samples.findIndex((s) => s.folded >= level);
  const b = samples[after] as Sample;
  const a = samples[Math.max(0, after - 1)] as Sample;
  if (b.folded === a.folded) return b.at;
  return a.at + ((level - a.folded) / (b.folded - a.folded)) * (b.at - a.at);
}

/** Folded/s between 10 % and 90 % of the backlog; on-topic/s of the same activities for scale. */
export async function measureBacklog(
  stack: ProjectionStack,
  token: string,
  count: number,
): Promise<Record<string, number>> {
  const outbox = poolOf(stack.activity);
  try {
    return await measure(stack, token, count, outbox);
  } finally {
    await outbox.end();
  }
}

interface Progress {
  uploaded: boolean;
  relayedAt?: number;
}

/** Samples the folded count every 100 ms until the whole backlog is in (or 5 minutes passed). */
async function follow(stack: ProjectionStack, outbox: pg.Pool, count: number, progress: Progress) {
  const base = await factCount(stack.kpi);
  const samples: Sample[] = [{ at: Date.now(), folded: 0 }];
  const deadline = Date.now() + 300_000;
  const last = () => (samples.at(-1) as Sample).folded;
  while (last() < count && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    samples.push({ at: Date.now(), folded: (await factCount(stack.kpi)) - base });
    if (progress.uploaded && progress.relayedAt === undefined && (await pendingOutboxCount(outbox)) === 0)
      progress.relayedAt = Date.now();
  }
  if (last() < count) throw new Error('The KPI service did not fold the backlog.');
  return samples;
}

async function measure(
  stack: ProjectionStack,
  token: string,
  count: number,
  outbox: pg.Pool,
): Promise<Record<string, number>> {
  const started = Date.now();
  const progress: Progress = { uploaded: false };
  const posting = fetch(`${stack.activity.base}/activities/bulk`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body: upload(stack, count),
  }).then(async (r) => {
    if (r.status !== 200) throw new Error(`backlog upload: ${r.status} ${await r.text()}`);
    progress.uploaded = true;
  });
  const samples = await follow(stack, outbox, count, progress);
  await posting;
  const seconds = (crossing(samples, 0.9 * count) - crossing(samples, 0.1 * count)) / 1000;
  return {
    'backlog.activities': count,
    'backlog.kpi_folded_per_s': Math.round((0.8 * count) / seconds),
    'backlog.on_topic_per_s': Math.round(count / (((progress.relayedAt ?? Date.now()) - started) / 1000)),
  };
}
