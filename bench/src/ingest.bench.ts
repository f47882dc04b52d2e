// P5: activities/s from a bulk NDJSON upload over HTTP until every accepted report is on the public
// topic (the activity service's outbox fully relayed, broker-acknowledged), against the design's
// physical floor measured in the same run: the same event and outbox rows COPYed into PostgreSQL,
// then the same messages sent by the raw producer (see ingest/floor.ts). Every service runs meanwhile
// (P5), the KPI service and the projection consuming what is ingested; each one's peak memory is
// P9's figure (bench/results/memory.json).
import { migrateEventStore, pendingOutboxCount } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import { ensureDatabase } from '@nhip/postgres';
import { eventually, type RunningService } from '@nhip/testing';
import pg from 'pg';
import { buildServices, validReport, type ActivityStack, type Team } from './activity-stack.ts';
import { cleanUp, dropDatabases, removeTopics } from './cleanup.ts';
import { copyParallelism } from './copy/copy-load.ts';
import { startAllServices } from './ingest/all-services.ts';
import { measureFloor, rawProducer, readFloorRows } from './ingest/floor.ts';
import { sampleMemory, writeMemoryReport } from './projection/memory.ts';
import { buildReport, formatRatios, ratio, reported, writeReport } from './report.ts';
import { median } from './stats.ts';

const params = {
  activities: Number(process.env['BENCH_ACTIVITIES'] ?? 100_000),
  rounds: Number(process.env['BENCH_ROUNDS'] ?? 2),
  teams: 30,
  rawBatch: 1000,
  rawInFlight: 2,
  copyParallelism,
  acks: 'all',
};
const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
const adminUrl = process.env['NHIP_POSTGRES_ADMIN_URL'] ?? '';
const prefix = `bench${Date.now()}.`;
const floorDatabase = 'bench_ingest_floor';
const log = (line: string) => process.stderr.write(`${line}\n`);
const perSecond = (n: number): string => Math.round(n).toLocaleString('en');

function ndjson(teams: readonly Team[]): string {
  const now = Date.now();
  return Array.from({ length: params.activities }, (_, i) => JSON.stringify(validReport(teams, i, now))).join(
    '\n',
  );
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

interface Rates {
  readonly ingest: number[];
  readonly floor: number[];
  readonly raw: number[];
}

async function rounds(stack: ActivityStack, floor: pg.Pool): Promise<Rates> {
  const floorTopic = `${prefix}bench.floor`;
  const messaging = createMessaging({ brokers, clientId: 'bench-ingest-admin' });
  await messaging.admin.ensureTopics([{ name: floorTopic, partitions: 12 }]); // as the activity topic
  await messaging.close();
  const producer = rawProducer(brokers);
  const rates: Rates = { ingest: [], floor: [], raw: [] };
  try {
    for (let round = 1; round <= params.rounds; round++) {
      const body = ndjson(stack.teams);
      log(
        `Round ${round}/${params.rounds}: ${params.activities.toLocaleString('en')} activities (${(body.length / 2 ** 20).toFixed(1)} MiB NDJSON)`,
      );
      rates.ingest.push(await ingestRound(stack.activity, stack.pool, body));
      const rows = await readFloorRows(stack.pool, params.activities, floorTopic, params.copyParallelism);
      const t = await measureFloor(floor, rows, producer, {
        batch: params.rawBatch,
        inFlight: params.rawInFlight,
      });
      rates.floor.push(params.activities / (t.copySeconds + t.produceSeconds));
      rates.raw.push(params.activities / t.produceSeconds);
      log(`  floor: COPY ${t.copySeconds.toFixed(1)} s, produce ${t.produceSeconds.toFixed(1)} s`);
      log(
        `  ingest ${perSecond(rates.ingest.at(-1) ?? 0)} /s · floor ${perSecond(rates.floor.at(-1) ?? 0)} /s · raw producer ${perSecond(rates.raw.at(-1) ?? 0)} msgs/s`,
      );
    }
  } finally {
    await producer.close();
  }
  return rates;
}

function writeResults(rates: Rates): void {
  const [ingest, floor, raw] = [rates.ingest, rates.floor, rates.raw].map((r) => Math.round(median(r))) as [
    number,
    number,
    number,
  ];
  const ratios = {
    ingest_vs_floor: ratio(ingest / floor, 0.5),
    ingest_vs_raw: reported(ingest / raw),
    ingest_per_s: reported(ingest, 0),
  };
  const metrics = {
    'ingest.activities_per_s': ingest,
    'floor.activities_per_s': floor,
    'raw_producer.msgs_per_s': raw,
  };
  const summary = `Bulk ingest (NDJSON over HTTP → event store + outbox → relay → Kafka, acks=all), ${params.activities.toLocaleString('en')} activities, median of ${params.rounds}
  ingest         ${ingest.toLocaleString('en')} activities/s
  floor          ${floor.toLocaleString('en')} activities/s (the same rows by COPY, ${params.copyParallelism} parts, then the same messages by the raw producer)
  raw producer   ${raw.toLocaleString('en')} msgs/s (the floor's second half: batch ${params.rawBatch}, ${params.rawInFlight} in flight)

${formatRatios(ratios)}
`;
  const file = writeReport(buildReport('ingest', params, metrics, ratios), summary);
  process.stdout.write(`\n${summary}\nSaved ${file}\n`);
}

async function main(): Promise<void> {
  log('Building the services (tsc -b)…');
  buildServices();
  const stops: (() => Promise<void>)[] = [];
  try {
    const floorUrl = await ensureDatabase(adminUrl, floorDatabase);
    const floor = new pg.Pool({ connectionString: floorUrl, max: params.copyParallelism });
    stops.push(() => floor.end());
    await migrateEventStore(floor);
    log(`Starting every service, registering ${params.teams} teams and waiting for the replicas…`);
    const stack = await startAllServices(prefix, params.teams, (stop) => stops.push(stop));
    const memory = sampleMemory(stack.pids);
    writeResults(await rounds(stack, floor));
    writeMemoryReport(
      memory(),
      { load: 'bench:ingest', ...params },
      {
        name: 'memory',
        description: `the P5 ingest load (${params.activities.toLocaleString('en')}-report NDJSON uploads, ${params.rounds} rounds, every service running)`,
      },
    );
  } finally {
    const messaging = createMessaging({ brokers, clientId: 'bench-ingest-cleanup' });
    await cleanUp([
      ...stops.reverse(),
      () => dropDatabases(adminUrl, [floorDatabase]),
      () => removeTopics(messaging.admin, prefix),
      () => messaging.close(),
    ]);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`✖ ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
