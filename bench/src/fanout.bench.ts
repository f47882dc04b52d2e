// P8: SSE fan-out. The same change frames reach 1,000 and then 5,000 open streams, from the
// projection service (its change log read once per NOTIFY, each frame serialised once, written to
// every stream whose scope carries it) and from a bare node:http loop writing the same pre-serialised
// frames to every open response. Deliveries/s from the trigger until every reader has every frame,
// how long until 99 % of the streams had their last one, and each server's resident memory per open
// connection (the growth from half the connections to all of them, after a round not counted).
// Interleaved rounds; medians.
import os from 'node:os';
import path from 'node:path';
import { vietnamDay } from '@nhip/contracts';
import { createMessaging } from '@nhip/messaging';
import { freePort, personas, startFixture, tokenFor } from '@nhip/testing';
import { buildServices, repo } from './activity-stack.ts';
import { cleanUp, removeTopics } from './cleanup.ts';
import { collectsOnRequest, liveMemory } from './projection/full-gc.ts';
import { pidOf, startProjectionStack, type ProjectionStack } from './projection/stack.ts';
import { allReached, openReader, openReaders, type Reader } from './projection/sse-clients.ts';
import { buildReport, formatRatios, ratio, reported, writeReport } from './report.ts';
import { median, percentile } from './stats.ts';

const params = {
  connections: [1000, 5000],
  framesPerRound: { 1000: 50, 5000: 20 } as Record<number, number>,
  rounds: Number(process.env['BENCH_ROUNDS'] ?? 3),
};
const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
const prefix = `bench${Date.now()}.`;
const year = vietnamDay(new Date()).slice(0, 4);
const log = (line: string) => process.stderr.write(`${line}\n`);
const settle = () => new Promise((r) => setTimeout(r, 1500));

const sample = {
  unitCode: '66',
  indicatorId: 'residents_helped.vneid_activation',
  version: 1,
  period: year,
  value: 1797,
  exact: '1797',
  numerator: 1797,
  denominator: null,
  target: null,
  attainment: null,
  rank: null,
  missing: null,
  revision: '1',
  position: '1',
  unitName: 'Tỉnh Đắk Lắk',
};

interface Server {
  readonly name: string;
  readonly pid: number;
  open(): Reader;
  /** Sends `count` change frames to every stream; resolves when they were handed over. */
  fire(count: number): Promise<void>;
}

interface Measured {
  readonly perSecond: number[];
  /** Per round: ms from the trigger until 99 % of the streams had every frame. */
  readonly lastFrameP99Ms: number[];
  /** Live heap and external memory per connection, after a full collection. */
  readonly memPerConnKb: number[];
  /** Resident memory per connection after it: allocator and heap growth steps show here. */
  readonly rssPerConnKb: number[];
}

async function ours(stack: ProjectionStack): Promise<Server> {
  const token = await tokenFor(personas.provinceIoc);
  const url = `${stack.projection.base}/api/stream?scope=66&period=${year}`;
  return {
    name: 'ours',
    pid: stack.pids['projection'] as number,
    open: () => openReader(url, { authorization: `Bearer ${token}` }),
    fire: async (count) => {
      await stack.projection.sql(
        `WITH added AS (
           INSERT INTO projection_changes (unit_code, period, path, data)
           SELECT '66', $1, ARRAY['66'], $2::jsonb FROM generate_series(1, $3) RETURNING 1)
         SELECT pg_notify('projection_changes', '') FROM (SELECT count(*) FROM added) AS n`,
        [year, JSON.stringify(sample), count],
      );
    },
  };
}

async function raw(stops: (() => Promise<unknown>)[]): Promise<Server> {
  const token = await tokenFor(personas.provinceIoc);
  const port = String(await freePort());
  const server = startFixture(path.join(repo, 'bench/src/projection/raw-sse-server.ts'), {
    RAW_PORT: port,
    ...collectsOnRequest(),
  });
  stops.push(() => server.stop());
  await server.ready;
  let seq = 0;
  return {
    name: 'raw',
    pid: pidOf('RAW_PORT', port),
    // The same request as ours gets, token included: both servers hold the same request per stream.
    open: () => openReader(`http://127.0.0.1:${port}/stream`, { authorization: `Bearer ${token}` }),
    fire: async (count) => {
      const frames = Array.from(
        { length: count },
        () => `id: ${++seq}\nevent: change\ndata: ${JSON.stringify(sample)}\n\n`,
      );
      const response = await fetch(`http://127.0.0.1:${port}/fire`, {
        method: 'POST',
        body: JSON.stringify(frames),
      });
      if (response.status !== 204) throw new Error(`raw fire: ${response.status}`);
    },
  };
}

const idle = () => new Promise((r) => setTimeout(r, 5000));

/**
 * One round on one server: half the connections, memory; the other half, memory; fire, wait until
 * every reader has every frame, close. Memory per connection is the growth from the first half to
 * all of them, read after a full collection as the live heap and external memory, the same for
 * both servers: neither what opening the first streams costs once (code paths compiled, the heap's
 * first growth) nor the garbage of opening one (a framework, the scope checks) is charged as memory
 * each connection keeps. Resident memory is reported beside it: it moves in the allocator's steps.
 */
async function round(server: Server, n: number, into: Measured): Promise<void> {
  const half = Math.floor(n / 2);
  const first = await openReaders(half, () => server.open());
  // Held connections, not the garbage of opening them: the collector gets a few idle seconds first.
  await idle();
  const atHalf = await liveMemory(server.pid);
  const readers = [...first, ...(await openReaders(n - half, () => server.open()))];
  await idle();
  const atAll = await liveMemory(server.pid);
  const frames = params.framesPerRound[n] ?? 20;
  const since = performance.now();
  await server.fire(frames);
  const ms = await allReached(readers, frames, since);
  for (const reader of readers) reader.close();
  into.perSecond.push((n * frames) / (ms / 1000));
  const finished = readers.map((reader) => reader.lastChangeAt - since);
  into.lastFrameP99Ms.push(percentile(finished, 99));
  const perConnection = (mb: number) => (mb * 1024) / (n - half);
  into.memPerConnKb.push(perConnection(atAll.liveMb - atHalf.liveMb));
  into.rssPerConnKb.push(perConnection(atAll.rssMb - atHalf.rssMb));
  await settle();
}

const measured = (): Measured => ({
  perSecond: [],
  lastFrameP99Ms: [],
  memPerConnKb: [],
  rssPerConnKb: [],
});

/** Interleaved rounds at one number of connections: ours, raw, ours, raw… */
async function measure(servers: readonly Server[], n: number, results: Map<string, Measured>): Promise<void> {
  for (const s of servers) results.set(`${s.name}.${n}`, measured());
  // A round per server that is not counted: both start measuring warm.
  for (const s of servers) await round(s, n, measured());
  for (let r = 1; r <= params.rounds; r++) {
    for (const s of servers) {
      const into = results.get(`${s.name}.${n}`) as Measured;
      await round(s, n, into);
      log(
        `  ${n} connections, round ${r}, ${s.name}: ${Math.round(into.perSecond.at(-1) ?? 0)} deliveries/s`,
      );
    }
  }
}

async function main(): Promise<void> {
  const stops: (() => Promise<unknown>)[] = [];
  const messaging = createMessaging({ brokers, clientId: 'bench-fanout' });
  try {
    buildServices();
    const stack = await startProjectionStack(prefix, 2, (stop) => stops.push(stop));
    const servers = [await ours(stack), await raw(stops)];
    const results = new Map<string, Measured>();
    const loadBefore = os.loadavg();
    for (const n of params.connections) await measure(servers, n, results);
    report(results, [loadBefore, os.loadavg()]);
  } finally {
    await cleanUp([...stops.reverse(), () => removeTopics(messaging.admin, prefix), () => messaging.close()]);
  }
}

// The machine is shared while benchmarks run: its load beside the figures says how far to trust them.
const loadOf = (loadavg: readonly number[] | undefined) => Math.round((loadavg?.[0] ?? 0) * 100) / 100;

function report(results: Map<string, Measured>, [before, after]: number[][]): void {
  const metrics: Record<string, number> = {
    'load_average_1m.start': loadOf(before),
    'load_average_1m.end': loadOf(after),
  };
  const ratios: Record<string, ReturnType<typeof ratio>> = {};
  for (const n of params.connections) {
    const o = results.get(`ours.${n}`) as Measured;
    const w = results.get(`raw.${n}`) as Measured;
    const [op, wp, om, wm] = [
      median(o.perSecond),
      median(w.perSecond),
      median(o.memPerConnKb),
      median(w.memPerConnKb),
    ];
    Object.assign(metrics, {
      [`ours.${n}.deliveries_per_s`]: Math.round(op),
      [`raw.${n}.deliveries_per_s`]: Math.round(wp),
      [`ours.${n}.last_frame_p99_ms`]: Math.round(median(o.lastFrameP99Ms) * 10) / 10,
      [`raw.${n}.last_frame_p99_ms`]: Math.round(median(w.lastFrameP99Ms) * 10) / 10,
      [`ours.${n}.kb_per_connection`]: Math.round(om * 10) / 10,
      [`raw.${n}.kb_per_connection`]: Math.round(wm * 10) / 10,
      [`ours.${n}.rss_kb_per_connection`]: Math.round(median(o.rssPerConnKb) * 10) / 10,
      [`raw.${n}.rss_kb_per_connection`]: Math.round(median(w.rssPerConnKb) * 10) / 10,
    });
    ratios[`sse_vs_raw_${n}`] = ratio(op / wp, 0.7);
    ratios[`memory_per_conn_vs_raw_${n}`] = ratio(om / Math.max(wm, 0.1), 1.5, false);
    // P8 names p99 among its measures without a bar of its own: reported, lower is better.
    ratios[`last_frame_p99_vs_raw_${n}`] = {
      ...reported(median(o.lastFrameP99Ms) / Math.max(median(w.lastFrameP99Ms), 0.1)),
      higherIsBetter: false,
    };
  }
  const n = params.connections.at(-1) ?? 5000;
  ratios['sse_vs_raw'] = ratio((ratios[`sse_vs_raw_${n}`]?.value ?? 0) * 1, 0.7);
  ratios['memory_per_conn_vs_raw'] = ratio(ratios[`memory_per_conn_vs_raw_${n}`]?.value ?? 0, 1.5, false);
  ratios['connections'] = reported(n, 0);
  const out = buildReport('fanout', params, metrics, ratios);
  const lines = Object.entries(metrics).map(([k, v]) => `  ${k.padEnd(32)} ${v}`);
  const summary = `SSE fan-out: the same change frames to 1,000 and 5,000 open streams, projection vs a bare node:http SSE loop (median of ${params.rounds})\n${lines.join('\n')}\n\n${formatRatios(ratios)}\n`;
  log(`\n${summary}`);
  log(`written to ${writeReport(out, summary)}`);
}

main().catch((error: unknown) => {
  log(`fanout benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
