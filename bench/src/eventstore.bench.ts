// P2 + P3 (see ../shared/quality-bars.md): event-store appends against Emmett and raw COPY, the
// outbox relay against a raw producer and against producing right after the commit.
import { migrateEventStore } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import { ensureDatabase } from '@nhip/postgres';
import pg from 'pg';
import {
  copyBatches,
  createCopyTables,
  ourBatches,
  prepareRound,
  type BatchRound,
} from './eventstore/append-batch.ts';
import { emmettAppender, measureAppends, ourAppender } from './eventstore/append-single.ts';
import { measureDrain, measureLatency, type Latency, type RelayContext } from './eventstore/relay.ts';
import { copyParallelism } from './copy/copy-load.ts';
import { cleanUp, dropDatabases, removeTopics } from './cleanup.ts';
import { medianLatency, writeResults, type Measurements } from './eventstore/results.ts';
import { median } from './stats.ts';

const params = {
  writers: 8,
  batch: 100,
  batchWriters: 4,
  batchEvents: Number(process.env['BENCH_BATCH_EVENTS'] ?? 100_000),
  copyParallelism,
  roundMs: Number(process.env['BENCH_ROUND_MS'] ?? 5000),
  rounds: Number(process.env['BENCH_ROUNDS'] ?? 3),
  drainMessages: Number(process.env['BENCH_DRAIN'] ?? 50_000),
  latencyMs: 5000,
};
const say = (line: string): boolean => process.stderr.write(`${line}\n`);

async function interleaved(
  contenders: Record<string, (round: number) => Promise<number>>,
): Promise<Record<string, number>> {
  const rates: Record<string, number[]> = {};
  for (let round = 1; round <= params.rounds; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      const rate = await run(round);
      (rates[name] ??= []).push(rate);
      say(`  round ${round}/${params.rounds} ${name.padEnd(14)} ${Math.round(rate).toLocaleString('en')} /s`);
    }
  }
  return Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, Math.round(median(v))]));
}

async function main(): Promise<void> {
  const adminUrl = process.env['NHIP_POSTGRES_ADMIN_URL'] ?? process.env['DATABASE_URL'];
  const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
  if (!adminUrl || brokers.length === 0) throw new Error('Run this through "npm run bench:eventstore".');
  const messaging = createMessaging({ brokers, clientId: 'bench-eventstore' });
  const topicPrefix = `bench.eventstore${Date.now()}.`;
  const databases = ['bench_eventstore_latency', 'bench_eventstore'] as const;
  try {
    // Latency first, in a database of its own: the append phases leave a million rows behind whose
    // autovacuum would otherwise land in the middle of the latency rounds.
    const latency = await withDatabase(adminUrl, databases[0], (ctx) =>
      measureLatencies({ ...ctx, messaging, brokers, topicPrefix }),
    );
    const throughput = await withDatabase(adminUrl, databases[1], (ctx) =>
      measureThroughput({ ...ctx, messaging, brokers, topicPrefix }),
    );
    writeResults(params, { ...throughput, ...latency });
  } finally {
    await cleanUp([
      () => removeTopics(messaging.admin, topicPrefix),
      () => messaging.close(),
      () => dropDatabases(adminUrl, databases),
    ]);
  }
}

async function withDatabase<T>(
  adminUrl: string,
  name: string,
  work: (ctx: { pool: pg.Pool; connectionString: string }) => Promise<T>,
): Promise<T> {
  const connectionString = await ensureDatabase(adminUrl, name);
  const pool = new pg.Pool({ connectionString, max: 16 });
  try {
    await migrateEventStore(pool);
    await createCopyTables(pool);
    await resetTables(pool); // every run starts from empty tables, so runs compare
    return await work({ pool, connectionString });
  } finally {
    await pool.end();
  }
}

async function measureThroughput(
  ctx: RelayContext,
): Promise<Pick<Measurements, 'single' | 'batches' | 'drain'>> {
  say('(a) single-event appends, 8 concurrent writers');
  const ours = ourAppender(ctx.pool);
  const emmett = emmettAppender(ctx.connectionString);
  await measureAppends(emmett, 1, 500, 0); // creates Emmett's schema outside the timed rounds
  const single = await interleaved({
    ours: (r) => measureAppends(ours, params.writers, params.roundMs, r),
    emmett: (r) => measureAppends(emmett, params.writers, params.roundMs, r),
  });
  await emmett.close();

  say(
    `(b) ${params.batchEvents.toLocaleString('en')} events in 100-event appends with outbox rows vs COPY of the same rows`,
  );
  // Each round's rows are built once, before either clock starts, and written by both: ours
  // first, then the COPY of the very same rows into the look-alike tables.
  let rows: BatchRound | undefined;
  const batches = await interleaved({
    ours: () => {
      rows = prepareRound(params.batchEvents, params.copyParallelism);
      return ourBatches(ctx.pool, rows, params.batchWriters);
    },
    copy: () => {
      if (!rows) throw new Error('The COPY round runs after ours, on its rows.');
      return copyBatches(ctx.pool, rows);
    },
  });

  // (b) left its outbox rows unpublished on purpose (no relay ran); they are not (c)'s work.
  await ctx.pool.query('TRUNCATE es_outbox, es_relay_checkpoints');
  say(`(c) relay drain of ${params.drainMessages.toLocaleString('en')} messages vs raw producer loop`);
  const drain = await measureDrain(ctx, params.drainMessages);
  say(
    `  relay ${Math.round(drain.relay).toLocaleString('en')} msgs/s, raw ${Math.round(drain.raw).toLocaleString('en')} msgs/s`,
  );
  return { single, batches, drain };
}

async function measureLatencies(
  ctx: RelayContext,
): Promise<Pick<Measurements, 'load' | 'viaRelay' | 'direct'>> {
  // Half of the maximum load of the path, measured as the path itself: 8 writers appending with
  // outbox as fast as they can while the relay and a consumer run in the same process.
  const max = await measureLatency(ctx, Number.POSITIVE_INFINITY, 3000, true);
  const load = Math.round(max.perSecond / 2);
  say(
    `(c) commit → consumer: maximum ${Math.round(max.perSecond).toLocaleString('en')} commits/s; measuring at half, ${load.toLocaleString('en')}/s`,
  );
  // Interleaved rounds after a warm-up of each path; the median round's p50/p99 per path.
  await measureLatency(ctx, load, 2000, true);
  await measureLatency(ctx, load, 2000, false);
  const rounds: { relay: Latency[]; direct: Latency[] } = { relay: [], direct: [] };
  for (let round = 1; round <= params.rounds; round++) {
    for (const path of ['relay', 'direct'] as const) {
      const l = await measureLatency(ctx, load, params.latencyMs, path === 'relay');
      rounds[path].push(l);
      say(
        `  round ${round}/${params.rounds} ${path.padEnd(6)} p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms at ${Math.round(l.perSecond)} commits/s`,
      );
    }
  }
  return { load, viaRelay: medianLatency(rounds.relay), direct: medianLatency(rounds.direct) };
}

async function resetTables(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND (tablename LIKE 'es\\_%' OR tablename LIKE 'bench\\_%' OR tablename LIKE 'emt\\_%')`,
  );
  if (rows.length > 0) await pool.query(`TRUNCATE ${rows.map((r) => `"${r.name}"`).join(', ')}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`✖ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
