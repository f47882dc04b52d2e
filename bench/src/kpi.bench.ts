// P6 and P7 (../shared/quality-bars.md, ADR 0028): the KPI service's drill-down at 10 M activities
// over ~10,000 communes against the naive SQL GROUP BY over raw activity rows (tree joined at query
// time) and DuckDB on its own columnar copy, answers checksum-equal; and its rebuild from the full
// ledger against a raw sequential read of the same rows with a no-op fold.
// `npm run bench:kpi -- --scale 0.1` runs a tenth of the size.
import os from 'node:os';
import { createMessaging } from '@nhip/messaging';
import pg from 'pg';
import { buildServices } from './activity-stack.ts';
import { cleanUp, removeTopics } from './cleanup.ts';
import { startDuckPeer } from './kpi/duckdb-peer.ts';
import { jsonGetter, postLong } from './kpi/http-client.ts';
import { loadCountry } from './kpi/load.ts';
import { drillDowns, p6Figures, targetsOf, type Timings } from './kpi/p6.ts';
import { serviceRead } from './kpi/query-path.ts';
import { checkTargetsRead } from './kpi/targets-read.ts';
import { rawRead, serverScan, type ReadRate } from './kpi/raw-read.ts';
import { startKpi } from './kpi/service.ts';
import { communesOf, shapeAt } from './kpi/shape.ts';
import { buildReport, formatRatios, ratio, reported, writeReport } from './report.ts';
import { median } from './stats.ts';

const scaleAt = process.argv.indexOf('--scale');
const scale = scaleAt === -1 ? 1 : Number(process.argv[scaleAt + 1]);
if (!(scale > 0 && scale <= 1)) throw new Error('--scale takes a number in (0, 1], e.g. --scale 0.1');
const shape = shapeAt(scale);
const params = { scale, ...shape, communes: communesOf(shape), drillDowns: 8, rounds: 5 };
const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
const prefix = `bench${Date.now()}.`;
const log = (line: string) => process.stderr.write(`${line}\n`);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

interface Rebuild {
  readonly deltas: number;
  readonly cells: number;
  readonly switched: boolean;
  readonly partitions: number;
  readonly millis: { build: number; check: number; total: number };
  readonly steps: { read: number; fold: number; write: number; key: number; analyze: number };
  readonly memory: { peakRss: number; peakHeap: number };
}
interface P7 {
  readonly rebuild: Rebuild;
  readonly rebuildPerSecond: number;
  readonly raw: ReadRate[];
  readonly scan: ReadRate;
}

async function p7(base: string, pool: pg.Pool): Promise<P7> {
  log('P7: raw sequential read of the ledger, the rebuild, the raw read again…');
  const first = await rawRead(pool);
  log(`  raw read: ${Math.round(first.perSecond).toLocaleString('en')} rows/s`);
  const start = performance.now();
  const reply = await postLong(base, '/rebuilds');
  const seconds = (performance.now() - start) / 1000;
  if (reply.status !== 200)
    throw new Error(`The rebuild answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  const rebuild = reply.body as Rebuild;
  // The rate is the build's (read, fold, write, key); the check against live is reported beside it.
  const rebuildPerSecond = rebuild.deltas / (rebuild.millis.build / 1000);
  log(
    `  rebuild: ${rebuild.deltas.toLocaleString('en')} deltas → ${rebuild.cells.toLocaleString('en')} cells, built in ${(rebuild.millis.build / 1000).toFixed(1)} s (${Math.round(rebuildPerSecond).toLocaleString('en')}/s), checked equal to the live cells in ${(rebuild.millis.check / 1000).toFixed(1)} s, switched (${seconds.toFixed(1)} s in all)`,
  );
  log(
    `  rebuild steps: read ${rebuild.steps.read} ms, fold ${rebuild.steps.fold} ms, merge + write ${rebuild.steps.write} ms, key ${rebuild.steps.key} ms, analyze ${rebuild.steps.analyze} ms; ${rebuild.partitions} partitions; peak RSS ${mb(rebuild.memory.peakRss)} MB, heap ${mb(rebuild.memory.peakHeap)} MB`,
  );
  const second = await rawRead(pool);
  log(`  raw read: ${Math.round(second.perSecond).toLocaleString('en')} rows/s`);
  return { rebuild, rebuildPerSecond, raw: [first, second], scan: await serverScan(pool) };
}

function writeResults(t: Timings, r: P7): void {
  const p6 = p6Figures(t);
  const rawPerSecond = median(r.raw.map((x) => x.perSecond));
  const metrics = {
    ...p6.metrics,
    'ours.rebuild_deltas_per_s': Math.round(r.rebuildPerSecond),
    'ours.rebuild_build_ms': r.rebuild.millis.build,
    'ours.rebuild_check_ms': r.rebuild.millis.check,
    'ours.rebuild_cells': r.rebuild.cells,
    'ours.rebuild_peak_rss_mb': mb(r.rebuild.memory.peakRss),
    'ours.rebuild_peak_heap_mb': mb(r.rebuild.memory.peakHeap),
    'raw_read.rows_per_s': Math.round(rawPerSecond),
    'server_scan.rows_per_s': Math.round(r.scan.perSecond),
    'machine.load_avg_1m': Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
  const ratios = {
    ...p6.ratios,
    rebuild_vs_raw_read: ratio(r.rebuildPerSecond / rawPerSecond, 0.6),
    rebuild_vs_server_scan: reported(r.rebuildPerSecond / r.scan.perSecond),
  };
  const summary = `KPI drill-down and rebuild, ${shape.activities.toLocaleString('en')} activities over ${params.communes.toLocaleString('en')} communes (${shape.provinces} provinces), ${r.rebuild.deltas.toLocaleString('en')} ledger rows
  drill-down p50 (p99)   ${p6.line}; ${params.drillDowns} drill-downs × ${params.rounds} rounds, answers checksum-equal
  rebuild (fold + write)  ${Math.round(r.rebuildPerSecond).toLocaleString('en')} deltas/s (build ${r.rebuild.millis.build} ms; then the check against live ${r.rebuild.millis.check} ms, not in the rate; switched)
  rebuild memory         peak RSS ${mb(r.rebuild.memory.peakRss)} MB, heap ${mb(r.rebuild.memory.peakHeap)} MB (1 GB old-space ceiling), ${r.rebuild.partitions} partitions
  raw read (COPY out)    ${Math.round(rawPerSecond).toLocaleString('en')} rows/s, no-op fold; in-server scan ${Math.round(r.scan.perSecond).toLocaleString('en')} rows/s

  load average           ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} (1, 5, 15 min) at the end, on ${os.cpus().length} cores

${formatRatios(ratios)}
`;
  const file = writeReport(buildReport('kpi', params, metrics, ratios), summary);
  process.stdout.write(`\n${summary}\nSaved ${file}\n`);
}

async function main(): Promise<void> {
  const began = performance.now();
  log('Building the services (tsc -b)…');
  buildServices();
  const stops: (() => Promise<unknown>)[] = [];
  try {
    const kpi = await startKpi(prefix);
    stops.push(() => kpi.stop());
    const url = new URL(process.env['NHIP_POSTGRES_ADMIN_URL'] ?? '');
    url.pathname = `/${kpi.database}`;
    const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
    stops.push(() => pool.end());
    log(
      `Loading ${shape.activities.toLocaleString('en')} activities over ${params.communes.toLocaleString('en')} communes…`,
    );
    await loadCountry(pool, shape);
    const rebuilt = await p7(kpi.base, pool);
    // The rebuild switched in a rollup table it had analyzed (its statistics are part of the build):
    // the drill-downs are timed on the planner's informed choices, as in a deployment.
    log('P6: DuckDB loads the same rows into its own tables…');
    const duck = await startDuckPeer(pool);
    stops.push(() => Promise.resolve(duck.close()));
    const read = await serviceRead();
    const withTargets = await checkTargetsRead(pool, read, shape);
    log(`  ${withTargets} units of a province's drill-down read the targets assigned to them or below`);
    const get = await jsonGetter(kpi.base);
    stops.push(() => Promise.resolve(get.close()));
    const timings = await drillDowns(
      targetsOf(shape, params.drillDowns),
      { get, pool, duck, read },
      params.rounds,
    );
    writeResults(timings, rebuilt);
    log(`The whole run took ${((performance.now() - began) / 60_000).toFixed(1)} min.`);
  } finally {
    const messaging = createMessaging({ brokers, clientId: 'bench-kpi-cleanup' });
    await cleanUp([...stops.reverse(), () => removeTopics(messaging.admin, prefix), () => messaging.close()]);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`✖ ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
