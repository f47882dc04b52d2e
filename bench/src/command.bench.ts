// P10: the single-report path. One report per POST from 32 concurrent clients until every report
// is on the topic, through the activity service (validation, replica check, decider, event store,
// relay) against a bare node:http handler writing the same event and outbox rows in one statement
// with pg, its own OutboxRelay running (command/raw-command-server.ts). Interleaved rounds.
import path from 'node:path';
import { createMessaging } from '@nhip/messaging';
import { ensureDatabase } from '@nhip/postgres';
import { freePort, personas, startFixture, tokenFor, type FixtureProcess } from '@nhip/testing';
import pg from 'pg';
import { buildServices, repo, startActivityStack, validReport, type Team } from './activity-stack.ts';
import { cleanUp, dropDatabases, removeTopics } from './cleanup.ts';
import { postAll, type Target } from './command/load.ts';
import { buildReport, formatRatios, ratio, writeReport } from './report.ts';
import { median, percentile } from './stats.ts';

const params = {
  reports: Number(process.env['BENCH_REPORTS'] ?? 4000),
  rounds: Number(process.env['BENCH_ROUNDS'] ?? 3),
  clients: 32,
  warmUp: 300,
  teams: 30,
};
const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
const adminUrl = process.env['NHIP_POSTGRES_ADMIN_URL'] ?? '';
const prefix = `bench${Date.now()}.`;
const rawDatabase = 'bench_command_raw';
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Figures {
  readonly perSecond: number[];
  readonly p50: number[];
  readonly p99: number[];
}

async function startRaw(stops: (() => Promise<unknown>)[]): Promise<Target> {
  const connectionString = await ensureDatabase(adminUrl, rawDatabase);
  const port = await freePort();
  const server: FixtureProcess = startFixture(path.join(repo, 'bench/src/command/raw-command-server.ts'), {
    RAW_DATABASE_URL: connectionString,
    RAW_PORT: String(port),
    RAW_TOPIC_PREFIX: `${prefix}raw.`,
  });
  stops.push(() => server.stop());
  await server.ready;
  const pool = new pg.Pool({ connectionString, max: 2 });
  stops.push(() => pool.end());
  return { name: 'raw', base: `http://127.0.0.1:${port}`, pool };
}

async function race(targets: readonly Target[], teams: readonly Team[]): Promise<Map<string, Figures>> {
  const bodies = (n: number): string[] => {
    const now = Date.now();
    return Array.from({ length: n }, (_, i) => JSON.stringify(validReport(teams, i, now)));
  };
  for (const t of targets) await postAll(t, bodies(params.warmUp), params.clients);
  const figures = new Map(
    targets.map((t): [string, Figures] => [t.name, { perSecond: [], p50: [], p99: [] }]),
  );
  for (let round = 1; round <= params.rounds; round++) {
    for (const t of targets) {
      const result = await postAll(t, bodies(params.reports), params.clients);
      const f = figures.get(t.name) as Figures;
      f.perSecond.push(result.perSecond);
      f.p50.push(percentile(result.latencies, 50));
      f.p99.push(percentile(result.latencies, 99));
      log(
        `  round ${round}/${params.rounds} ${t.name.padEnd(8)} ${Math.round(result.perSecond).toLocaleString('en')} reports/s, p50 ${(f.p50.at(-1) ?? 0).toFixed(1)} ms, p99 ${(f.p99.at(-1) ?? 0).toFixed(1)} ms`,
      );
    }
  }
  return figures;
}

function writeResults(figures: Map<string, Figures>): void {
  const m = (name: string, pick: (f: Figures) => number[]): number =>
    Math.round(median(pick(figures.get(name) as Figures)) * 100) / 100;
  const metrics = {
    'command.reports_per_s': Math.round(m('command', (f) => f.perSecond)),
    'raw.reports_per_s': Math.round(m('raw', (f) => f.perSecond)),
    'command.p50_ms': m('command', (f) => f.p50),
    'command.p99_ms': m('command', (f) => f.p99),
    'raw.p50_ms': m('raw', (f) => f.p50),
    'raw.p99_ms': m('raw', (f) => f.p99),
  };
  const ratios = {
    command_vs_raw: ratio(metrics['command.reports_per_s'] / metrics['raw.reports_per_s'], 0.5),
    command_p99_vs_raw: ratio(metrics['command.p99_ms'] / metrics['raw.p99_ms'], 2, false),
  };
  const lines = Object.entries(metrics).map(([k, v]) => `  ${k.padEnd(24)} ${v.toLocaleString('en')}`);
  const summary = `Single-report path (one report per POST, ${params.clients} clients, ${params.reports.toLocaleString('en')} reports until relayed to Kafka, median of ${params.rounds})\n${lines.join('\n')}\n\n${formatRatios(ratios)}\n`;
  const file = writeReport(buildReport('command', params, metrics, ratios), summary);
  process.stdout.write(`\n${summary}\nSaved ${file}\n`);
}

async function main(): Promise<void> {
  log('Building the services (tsc -b)…');
  buildServices();
  const stops: (() => Promise<unknown>)[] = [];
  try {
    log(`Registering ${params.teams} teams and waiting for the activity replica…`);
    const stack = await startActivityStack(prefix, params.teams, (stop) => stops.push(stop));
    // The stack's teams are in two communes: one signed-in caller who may report for both.
    const command: Target = {
      name: 'command',
      base: stack.activity.base,
      pool: stack.pool,
      token: await tokenFor(personas.admin),
    };
    const raw = await startRaw(stops);
    writeResults(await race([command, raw], stack.teams));
  } finally {
    const messaging = createMessaging({ brokers, clientId: 'bench-command-cleanup' });
    await cleanUp([
      ...stops.reverse(),
      () => dropDatabases(adminUrl, [rawDatabase]),
      () => removeTopics(messaging.admin, prefix),
      () => messaging.close(),
    ]);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`✖ ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
