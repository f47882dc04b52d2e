// P4: end-to-end freshness. A steady 1,000 activities/s (a 100-report NDJSON upload every 100 ms,
// each to one village in turn) through the activity service; the KPI service counts them and
// publishes changed values; the projection applies them and streams them. For each upload: from its
// acceptance (the 200) to the first change on an open stream of the province that shows its
// village's count reaching what the upload made it. Absolute figures, reported with the load they
// ran at. Memory of every process is sampled meanwhile (bench/results/memory-e2e.json; P9's own
// figure, under the P5 load, is bench:ingest's memory.json).
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { vietnamDay } from '@nhip/contracts';
import { createMessaging } from '@nhip/messaging';
import { personas, tokenFor } from '@nhip/testing';
import { buildServices } from './activity-stack.ts';
import { cleanUp, removeTopics } from './cleanup.ts';
import { sampleMemory, writeMemoryReport, type MemoryPeaks } from './projection/memory.ts';
import { openReader } from './projection/sse-clients.ts';
import { startProjectionStack, type ProjectionStack } from './projection/stack.ts';
import { measureBacklog } from './e2e/backlog.ts';
import { stageMetrics, traceStages, type Upload } from './e2e/stages.ts';
import { buildReport, formatRatios, ratio, reported, writeReport } from './report.ts';
import { percentile } from './stats.ts';

const params = {
  perSecond: 1000,
  uploadEveryMs: 100,
  warmUpS: 5,
  measuredS: Number(process.env['BENCH_SECONDS'] ?? 30),
  teams: 30,
  backlog: Number(process.env['BENCH_BACKLOG'] ?? 30_000),
};
const perUpload = (params.perSecond * params.uploadEveryMs) / 1000;
const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
const prefix = `bench${Date.now()}.`;
const indicator = 'residents_helped.vneid_activation';
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Watches the province's stream; notes, per village, when each count was first shown. */
async function watch(stack: ProjectionStack, day: string, uploads: Upload[]) {
  const token = await tokenFor(personas.provinceIoc);
  const reader = openReader(`${stack.projection.base}/api/stream?scope=66&period=${day}`, {
    authorization: `Bearer ${token}`,
  });
  reader.onFrame = (block, at) => {
    if (!block.includes('event: change')) return;
    const data = JSON.parse(block.slice(block.indexOf('data: ') + 6)) as {
      unitCode: string;
      indicatorId: string;
      value: number | null;
    };
    if (data.indicatorId !== indicator) return;
    for (const u of uploads)
      if (u.seenAt === undefined && u.village === data.unitCode && (data.value ?? 0) >= u.expected)
        u.seenAt = performance.timeOrigin + at;
  };
  await reader.opened;
  return reader;
}

async function run(
  stack: ProjectionStack,
  token: string,
  uploads: Upload[],
): Promise<{ uploads: Upload[]; seconds: number }> {
  const day = vietnamDay(new Date());
  const reader = await watch(stack, day, uploads);
  const counts = new Map<string, number>();
  const total = params.warmUpS + params.measuredS;
  const ticks = (total * 1000) / params.uploadEveryMs;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < ticks; i++) {
    const team = stack.teams[i % stack.teams.length] as { teamId: string; place: string };
    const expected = (counts.get(team.place) ?? 0) + perUpload;
    counts.set(team.place, expected);
    const upload: Upload = {
      village: team.place,
      expected,
      measured: i * params.uploadEveryMs >= params.warmUpS * 1000,
      activityIds: Array.from({ length: perUpload }, () => randomUUID()),
    };
    uploads.push(upload);
    pending.push(send(stack, token, team, upload));
    const next = started + (i + 1) * params.uploadEveryMs;
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  const deadline = performance.now() + 120_000;
  while (uploads.some((u) => u.seenAt === undefined) && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  reader.close();
  return { uploads, seconds };
}

async function send(
  stack: ProjectionStack,
  token: string,
  team: { teamId: string; place: string },
  upload: Upload,
) {
  const occurredAt = new Date(Date.now() - 60_000).toISOString();
  const body = upload.activityIds
    .map((activityId) =>
      JSON.stringify({
        activityId,
        teamId: team.teamId,
        placeCode: team.place,
        kind: 'vneid_activation',
        residentsHelped: 1,
        occurredAt,
      }),
    )
    .join('\n');
  const response = await fetch(`${stack.activity.base}/activities/bulk`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body,
  });
  upload.acceptedAt = Date.now();
  const answer = (await response.json()) as { accepted?: number };
  if (response.status !== 200) throw new Error(`bulk upload: ${response.status} ${JSON.stringify(answer)}`);
}

/**
 * Where a backlog sits: the largest input lag the KPI service and the projection report on /health
 * while the load runs (messages on their topics not applied yet).
 */
function sampleLags(stack: ProjectionStack): () => Record<string, number> {
  const peaks: Record<string, number> = { kpi: 0, projection: 0 };
  const timer = setInterval(() => {
    for (const name of ['kpi', 'projection'] as const) {
      void stack[name]
        .get<{ inputLag: string }>('/health')
        .then((r) => (peaks[name] = Math.max(peaks[name] ?? 0, Number(r.body.inputLag) || 0)))
        .catch(() => undefined);
    }
  }, 500);
  return () => {
    clearInterval(timer);
    return peaks;
  };
}

async function main(): Promise<void> {
  const stops: (() => Promise<unknown>)[] = [];
  const messaging = createMessaging({ brokers, clientId: 'bench-e2e' });
  try {
    buildServices();
    const stack = await startProjectionStack(prefix, params.teams, (stop) => stops.push(stop));
    const memory = sampleMemory(stack.pids);
    const lags = sampleLags(stack);
    const token = await tokenFor(personas.admin);
    const uploads: Upload[] = [];
    const tracing = await traceStages(messaging, prefix, indicator, uploads);
    stops.push(() => tracing.stop());
    // The machine's load beside the figures: on a shared machine every hop waits for CPU.
    const load1m = () => Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
    const loadBefore = load1m();
    const { seconds } = await run(stack, token, uploads);
    const machine = { 'machine.load_1m_before': loadBefore, 'machine.load_1m_after': load1m() };
    const steadyLags = lags();
    // Memory under the steady load only (P9); the backlog below is a different load.
    const peaks = memory();
    log(`Backlog: ${params.backlog} activities in one upload, folded by the KPI service…`);
    const backlog = await measureBacklog(stack, token, params.backlog);
    report(uploads, seconds, peaks, { ...steadyLags, ...machine, ...stageMetrics(uploads), ...backlog });
  } finally {
    await cleanUp([...stops.reverse(), () => removeTopics(messaging.admin, prefix), () => messaging.close()]);
  }
}

function report(
  uploads: readonly Upload[],
  seconds: number,
  memory: MemoryPeaks,
  extra: Record<string, number>,
): void {
  const measured = uploads.filter((u) => u.measured);
  // An upload never shown within the two minutes waited counts as two minutes: no sample is dropped.
  const latencies = measured.map((u) =>
    u.seenAt === undefined || u.acceptedAt === undefined ? 120_000 : Math.max(0, u.seenAt - u.acceptedAt),
  );
  const missing = measured.filter((u) => u.seenAt === undefined).length;
  const [p50, p99] = [percentile(latencies, 50), percentile(latencies, 99)];
  const achieved = (uploads.length * perUpload) / seconds;
  const metrics = {
    'load.activities_per_s': Math.round(achieved),
    'load.activities': uploads.length * perUpload,
    'freshness.p50_ms': Math.round(p50 * 10) / 10,
    'freshness.p99_ms': Math.round(p99 * 10) / 10,
    'freshness.max_ms': Math.round(Math.max(...latencies)),
    'freshness.samples': latencies.length,
    'freshness.never_seen': missing,
    'kpi.max_input_lag': extra['kpi'] ?? 0,
    'projection.max_input_lag': extra['projection'] ?? 0,
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k.includes('.'))),
  };
  const ratios = {
    freshness_p50_ms: ratio(p50, 100, false),
    freshness_p99_ms: ratio(p99, 500, false),
    load_activities_per_s: reported(achieved, 0),
  };
  const summary = `End-to-end freshness: activity accepted → change on the province's stream, ${params.perSecond}/s offered as ${perUpload}-report uploads every ${params.uploadEveryMs} ms, ${params.measuredS} s measured after ${params.warmUpS} s of warm-up\n${Object.entries(
    metrics,
  )
    .map(([k, v]) => `  ${k.padEnd(40)} ${v}`)
    .join('\n')}\n\n${formatRatios(ratios)}\n`;
  log(`\n${summary}`);
  log(`written to ${writeReport(buildReport('e2e', params, metrics, ratios), summary)}`);
  // P9's own figure is bench:ingest's (memory.json); this one shows the steady 1,000/s beside it.
  writeMemoryReport(
    memory,
    { load: 'bench:e2e', ...params },
    {
      name: 'memory-e2e',
      description: `the e2e benchmark's load (${params.perSecond} activities/s through activity, KPI and projection; the registry idle)`,
    },
  );
}

main().catch((error: unknown) => {
  log(`e2e benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
