// P8: SSE fan-out. The same change frames reach 1,000 and then 5,000 open streams, from the
// projection service (its change log read once per NOTIFY, each frame serialised once, written to
// every stream whose scope carries it) and from a bare node:http loop writing the same pre-serialised
// frames to every open response. Deliveries/s from the trigger until every reader has every frame,
// and each server's resident memory per open connection. Interleaved rounds; medians.
import path from 'node:path';
import { vietnamDay } from '@nhip/contracts';
import { createMessaging } from '@nhip/messaging';
import { personas, startFixture, tokenFor } from '@nhip/testing';
import { buildServices, repo } from './activity-stack.ts';
import { cleanUp, removeTopics } from './cleanup.ts';
import { pidOf, rssMb, startProjectionStack, type ProjectionStack } from './projection/stack.ts';
import { allReached, openReader, openReaders, type Reader } from './projection/sse-clients.ts';
import { buildReport, formatRatios, ratio, reported, writeReport } from './report.ts';
import { median } from './stats.ts';

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
  readonly memPerConnKb: number[];
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
  const port = String(3300 + Math.floor(Math.random() * 2000));
  const server = startFixture(path.join(repo, 'bench/src/projection/raw-sse-server.ts'), { RAW_PORT: port });
  stops.push(() => server.stop());
  await server.ready;
  let seq = 0;
  return {
    name: 'raw',
    pid: pidOf('RAW_PORT', port),
    open: () => openReader(`http://127.0.0.1:${port}/stream`),
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

/** One round on one server: connect n, memory, fire, wait until every reader has every frame, close. */
async function round(server: Server, n: number, into: Measured): Promise<void> {
  const before = rssMb(server.pid);
  const readers = await openReaders(n, () => server.open());
  // Held connections, not the garbage of opening them: the collector gets a few idle seconds first.
  await new Promise((r) => setTimeout(r, 5000));
  const after = rssMb(server.pid);
  const frames = params.framesPerRound[n] ?? 20;
  const since = performance.now();
  await server.fire(frames);
  const ms = await allReached(readers, frames, since);
  for (const reader of readers) reader.close();
  into.perSecond.push((n * frames) / (ms / 1000));
  into.memPerConnKb.push(((after - before) * 1024) / n);
  await settle();
}

/** Interleaved rounds at one number of connections: ours, raw, ours, raw… */
async function measure(servers: readonly Server[], n: number, results: Map<string, Measured>): Promise<void> {
  for (const s of servers) results.set(`${s.name}.${n}`, { perSecond: [], memPerConnKb: [] });
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
    for (const n of params.connections) await measure(servers, n, results);
    report(results);
  } finally {
    await cleanUp([...stops.reverse(), () => removeTopics(messaging.admin, prefix), () => messaging.close()]);
  }
}

function report(results: Map<string, Measured>): void {
  const metrics: Record<string, number> = {};
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
      [`ours.${n}.kb_per_connection`]: Math.round(om * 10) / 10,
      [`raw.${n}.kb_per_connection`]: Math.round(wm * 10) / 10,
    });
    ratios[`sse_vs_raw_${n}`] = ratio(op / wp, 0.7);
    ratios[`memory_per_conn_vs_raw_${n}`] = ratio(om / Math.max(wm, 0.1), 1.5, false);
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
