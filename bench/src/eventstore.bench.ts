// P2 + P3 (see ../shared/quality-bars.md): event-store appends against Emmett and raw COPY, the
// outbox relay against a raw producer and against producing right after the commit.
import { migrateEventStore } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import { ensureDatabase } from '@nhip/postgres';
import pg from 'pg';
import { createCopyTables, measureBatches, ourBatchAppend, rawCopy } from './eventstore/append-batch.ts';
import { emmettAppender, measureAppends, ourAppender } from './eventstore/append-single.ts';
import { measureDrain, measureLatency, type Latency, type RelayContext } from './eventstore/relay.ts';
import { buildReport, formatRatios, ratio, writeReport } from './report.ts';
import { median } from './stats.ts';

const params = {
  writers: 8,
  batch: 100,
  batchWriters: 4,
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
  // Latency first, in a database of its own: the append phases leave a million rows behind whose
  // autovacuum would otherwise land in the middle of the latency rounds.
  const latency = await withDatabase(adminUrl, 'bench_eventstore_latency', (ctx) =>
    measureLatencies({ ...ctx, messaging, brokers }),
  );
  const throughput = await withDatabase(adminUrl, 'bench_eventstore', (ctx) =>
    measureThroughput({ ...ctx, messaging, brokers }),
  );
  await messaging.close();
  writeResults({ ...throughput, ...latency });
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

  say('(b) 100-event appends with outbox rows vs raw COPY of the same rows');
  const batches = await interleaved({
    ours: () =>
      measureBatches((s) => ourBatchAppend(ctx.pool, s), 'ours', params.batchWriters, params.roundMs),
    copy: () => measureBatches((s) => rawCopy(ctx.pool, s), 'copy', params.batchWriters, params.roundMs),
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

interface Measurements {
  readonly single: Record<string, number>;
  readonly batches: Record<string, number>;
  readonly drain: { relay: number; raw: number };
  readonly load: number;
  readonly viaRelay: Latency;
  readonly direct: Latency;
}

function writeResults({ single, batches, drain, load, viaRelay, direct }: Measurements): void {
  const metrics = {
    'ours.appends_per_s': single['ours'] ?? 0,
    'emmett.appends_per_s': single['emmett'] ?? 0,
    'ours.batch_events_per_s': batches['ours'] ?? 0,
    'copy.batch_events_per_s': batches['copy'] ?? 0,
    'relay.drain_msgs_per_s': Math.round(drain.relay),
    'raw_producer.msgs_per_s': Math.round(drain.raw),
    latency_load_per_s: load,
    'relay.latency_achieved_per_s': Math.round(viaRelay.perSecond),
    'direct.latency_achieved_per_s': Math.round(direct.perSecond),
    'relay.latency_p50_ms': round2(viaRelay.p50),
    'relay.latency_p99_ms': round2(viaRelay.p99),
    'direct.latency_p50_ms': round2(direct.p50),
    'direct.latency_p99_ms': round2(direct.p99),
  };
  const ratios = {
    append_vs_emmett: ratio(metrics['ours.appends_per_s'] / metrics['emmett.appends_per_s'], 1.0),
    batch_vs_copy: ratio(metrics['ours.batch_events_per_s'] / metrics['copy.batch_events_per_s'], 0.3),
    relay_drain_vs_raw: ratio(drain.relay / drain.raw, 0.5),
    relay_p99_vs_direct: ratio(viaRelay.p99 / direct.p99, 3, false),
  };
  const lines = Object.entries(metrics).map(([k, v]) => `  ${k.padEnd(26)} ${v.toLocaleString('en')}`);
  const summary = `Event store and outbox relay (PostgreSQL + Kafka, one run)\n${lines.join('\n')}\n\n${formatRatios(ratios)}\n`;
  const file = writeReport(buildReport('eventstore', params, metrics, ratios), summary);
  process.stdout.write(`\n${summary}\nSaved ${file}\n`);
}

function medianLatency(rounds: readonly Latency[]): Latency {
  const p = (pick: (l: Latency) => number): number => median(rounds.map(pick));
  return {
    p50: p((l) => l.p50),
    p99: p((l) => l.p99),
    samples: p((l) => l.samples),
    perSecond: p((l) => l.perSecond),
  };
}

async function resetTables(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND (tablename LIKE 'es\\_%' OR tablename LIKE 'bench\\_%' OR tablename LIKE 'emt\\_%')`,
  );
  if (rows.length > 0) await pool.query(`TRUNCATE ${rows.map((r) => `"${r.name}"`).join(', ')}`);
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

main().catch((error: unknown) => {
  process.stderr.write(`✖ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
