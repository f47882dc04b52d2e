// P5-style ingest: activities/s from a bulk NDJSON upload over HTTP until every accepted report is
// on the public topic (the activity service's outbox fully relayed, broker-acknowledged), against
// the raw @platformatic/kafka producer ceiling for the same messages, measured in the same run.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Producer, ProduceAcks } from '@platformatic/kafka';
import { pendingOutboxCount } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import { eventually, startHttpService, type RunningService } from '@nhip/testing';
import pg from 'pg';
import { buildReport, formatRatios, ratio, writeReport } from './report.ts';
import { median } from './stats.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const params = {
  activities: Number(process.env['BENCH_ACTIVITIES'] ?? 100_000),
  rounds: Number(process.env['BENCH_ROUNDS'] ?? 2),
  teams: 30,
  rawBatch: 1000,
  rawInFlight: 2,
  acks: 'all',
};
const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
const prefix = `bench${Date.now()}.`;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function setUpRegistry(registry: RunningService): Promise<{ teamId: string; place: string }[]> {
  const tree = fs.readFileSync(path.join(repo, 'apps/registry/src/units/fixtures/dak-lak-pilot-2025.csv'));
  await registry.post('/unit-trees/vn-2025/imports?effectiveFrom=2025-07-01', tree, {
    'content-type': 'text/csv',
  });
  const teams: { teamId: string; place: string }[] = [];
  for (let i = 0; i < params.teams; i++) {
    const commune = i % 2 === 0 ? '24175' : '24343';
    const village = await registry.post<{ code: string }>(`/units/${commune}/villages`, {
      name: `Thôn ${i + 1}`,
      type: 'Thôn',
    });
    const team = await registry.post<{ teamId: string }>('/teams', {
      name: `Tổ công nghệ số cộng đồng thôn ${i + 1}`,
      teamType: 'community_digital_technology',
      unitCode: village.body.code,
      decision: { number: `${i + 1}/QĐ-UBND`, date: '2025-08-01' },
    });
    teams.push({ teamId: team.body.teamId, place: village.body.code });
  }
  return teams;
}

function ndjson(teams: readonly { teamId: string; place: string }[]): string {
  const kinds = [
    'vneid_activation',
    'public_service_account',
    'online_application',
    'e_payment_account',
    'e_health_app',
  ];
  const lines: string[] = [];
  for (let i = 0; i < params.activities; i++) {
    const team = teams[i % teams.length] as { teamId: string; place: string };
    lines.push(
      JSON.stringify({
        activityId: randomUUID(),
        teamId: team.teamId,
        placeCode: team.place,
        kind: kinds[i % kinds.length],
        residentsHelped: 1 + (i % 40),
        occurredAt: new Date(Date.now() - (i % 30) * 86_400_000 - 3_600_000).toISOString(),
      }),
    );
  }
  return lines.join('\n');
}

async function ingestRound(activity: RunningService, pool: pg.Pool, body: string): Promise<number> {
  const started = performance.now();
  const reply = await activity.post<{ summary: { accepted: number } }>('/activities/bulk', body, {
    'content-type': 'application/x-ndjson',
  });
  if (reply.body.summary.accepted !== params.activities) {
    throw new Error(`Expected every line accepted, got ${JSON.stringify(reply.body.summary)}`);
  }
  const accepted = performance.now();
  await eventually(async () => (await pendingOutboxCount(pool)) === 0, {
    timeoutMs: 300_000,
    intervalMs: 20,
  });
  const done = performance.now();
  log(
    `  ingest: HTTP ${((accepted - started) / 1000).toFixed(1)} s, relayed ${((done - accepted) / 1000).toFixed(1)} s`,
  );
  return params.activities / ((done - started) / 1000);
}

async function rawRound(values: readonly Buffer[], topic: string): Promise<number> {
  const producer = new Producer({
    clientId: 'bench-raw-ceiling',
    bootstrapBrokers: brokers,
    idempotent: true,
    acks: ProduceAcks.ALL,
  });
  const started = performance.now();
  const batches: Buffer[][] = [];
  for (let i = 0; i < values.length; i += params.rawBatch) batches.push(values.slice(i, i + params.rawBatch));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++] ?? [];
      await producer.send({
        messages: batch.map((value, i) => ({ topic, key: Buffer.from(i % 2 ? '24175' : '24343'), value })),
      });
    }
  };
  await Promise.all(Array.from({ length: params.rawInFlight }, worker));
  const rate = values.length / ((performance.now() - started) / 1000);
  await producer.close();
  return rate;
}

async function main(): Promise<void> {
  log('Building the services (tsc -b)…');
  const built = spawnSync(process.execPath, [path.join(repo, 'node_modules/typescript/bin/tsc'), '-b'], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('The build failed.');
  const env = { NHIP_TOPIC_PREFIX: prefix };
  const registry = await startHttpService({
    entry: path.join(repo, 'apps/registry/dist/main.js'),
    envPrefix: 'REGISTRY',
    purpose: 'bench_registry',
    env,
  });
  const activity = await startHttpService({
    entry: path.join(repo, 'apps/activity/dist/main.js'),
    envPrefix: 'ACTIVITY',
    purpose: 'bench_activity',
    env,
  });
  const url = new URL(process.env['NHIP_POSTGRES_ADMIN_URL'] ?? '');
  url.pathname = `/${activity.database}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  try {
    log(`Registering ${params.teams} teams and waiting for the activity replica…`);
    const teams = await setUpRegistry(registry);
    await eventually(
      async () =>
        (await activity.sql<{ n: number }>('SELECT count(*)::int AS n FROM replica_teams'))[0]?.n ===
        teams.length,
      { timeoutMs: 60_000 },
    );
    // The raw producer writes to a topic shaped like the activity topic (12 partitions).
    const rawTopic = `${prefix}bench.raw`;
    const messaging = createMessaging({ brokers, clientId: 'bench-ingest-admin' });
    await messaging.admin.ensureTopics([{ name: rawTopic, partitions: 12 }]);
    await messaging.close();
    const ingest: number[] = [];
    const raw: number[] = [];
    for (let round = 1; round <= params.rounds; round++) {
      const body = ndjson(teams);
      log(
        `Round ${round}/${params.rounds}: ${params.activities.toLocaleString('en')} activities (${(body.length / 2 ** 20).toFixed(1)} MiB NDJSON)`,
      );
      ingest.push(await ingestRound(activity, pool, body));
      // The raw ceiling sends the very messages the service published (same bytes, same sizes).
      const { rows } = await pool.query<{ data: string }>(
        `SELECT data::text AS data FROM es_outbox ORDER BY id DESC LIMIT $1`,
        [params.activities],
      );
      raw.push(
        await rawRound(
          rows.map((r) => Buffer.from(r.data)),
          `${prefix}bench.raw`,
        ),
      );
      log(
        `  ingest ${Math.round(ingest.at(-1) ?? 0).toLocaleString('en')} /s · raw producer ${Math.round(raw.at(-1) ?? 0).toLocaleString('en')} msgs/s`,
      );
    }
    const ingestPerS = Math.round(median(ingest));
    const rawPerS = Math.round(median(raw));
    const ratios = {
      ingest_vs_raw: ratio(ingestPerS / rawPerS, 0.25),
      ingest_per_s: { ...ratio(ingestPerS, 10_000), value: ingestPerS },
    };
    const report = buildReport(
      'ingest',
      params,
      { 'ingest.activities_per_s': ingestPerS, 'raw_producer.msgs_per_s': rawPerS },
      ratios,
    );
    const summary = `Bulk ingest (NDJSON over HTTP → event store + outbox → relay → Kafka, acks=all), ${params.activities.toLocaleString('en')} activities, median of ${params.rounds}\n  ingest         ${ingestPerS.toLocaleString('en')} activities/s\n  raw producer   ${rawPerS.toLocaleString('en')} msgs/s (same messages, batch ${params.rawBatch}, ${params.rawInFlight} in flight)\n\n${formatRatios(ratios)}\n`;
    const file = writeReport(report, summary);
    process.stdout.write(`\n${summary}\nSaved ${file}\n`);
    if (process.env['BENCH_SHOW_SERVICE_OUTPUT']) process.stdout.write(activity.output());
  } finally {
    await pool.end();
    await activity.stop();
    await registry.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`✖ ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
