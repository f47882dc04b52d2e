// `npm test`: runs the unit, integration and end-to-end tiers against one set of real servers,
// then prints the line CI reads: "N passed, N failed".
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { infraDir, repoRoot } from '../infra/config.ts';
import { ensureInfra, infraEnv, type Infra } from '../infra/infra.ts';
import { stopKafka } from '../infra/kafka.ts';
import { stopPostgres } from '../infra/postgres.ts';
import { stopIssuer } from '../infra/issuer.ts';
import { describeFailure } from '../infra/infra-error.ts';
import { log } from '../infra/progress.ts';
import { ensureChromium } from '../browser/chromium.ts';
import { ensurePrometheusInstalled } from '../monitoring/prometheus.ts';
import { buildServices } from '../bundle/build-services.ts';
import { jestNodeArgs } from './jest-process.ts';

const allTiers = ['unit', 'int', 'e2e'] as const;
type Tier = (typeof allTiers)[number];

interface TierResult {
  tier: Tier;
  passed: number;
  failed: number;
  skipped: number;
  ok: boolean;
  seconds: number;
}

function parseArgs(argv: string[]): { tiers: Tier[]; jestArgs: string[] } {
  const tiers = argv.filter((a): a is Tier => (allTiers as readonly string[]).includes(a));
  const jestArgs = argv.filter((a) => !(allTiers as readonly string[]).includes(a));
  return { tiers: tiers.length > 0 ? tiers : [...allTiers], jestArgs };
}

interface JestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numRuntimeErrorTestSuites?: number;
}

function readReport(resultsFile: string): JestReport {
  try {
    return JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as JestReport;
  } catch {
    // No report means Jest itself failed (config or setup); failuresOf counts it as one failure.
    return {};
  }
}

/** Failed tests plus suites that could not run; a failed exit with nothing counted is one failure. */
function failuresOf(report: JestReport, code: number | null): number {
  const suiteErrors = report.numRuntimeErrorTestSuites ?? 0;
  const failed = (report.numFailedTests ?? (code === 0 ? 0 : 1)) + suiteErrors;
  return code !== 0 && failed === 0 ? 1 : failed;
}

function runJest(tier: Tier, env: NodeJS.ProcessEnv, jestArgs: string[]): Promise<TierResult> {
  const resultsFile = path.join(infraDir, 'test-results', `${tier}.json`);
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.rmSync(resultsFile, { force: true });
  const started = Date.now();
  const args = jestNodeArgs(resultsFile, [
    '--selectProjects',
    tier,
    '--passWithNoTests',
    ...(tier === 'unit' ? [] : ['--runInBand']),
    ...jestArgs,
  ]);
  log(`\n▶ ${tier} tests`);
  return new Promise((resolve) => {
    // Its own process group, so the budget below stops Jest and every service a test started.
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: 'inherit', detached: true });
    const stopWatching = watchOver(tier, child);
    child.on('close', (code) => {
      stopWatching();
      const report = readReport(resultsFile);
      resolve({
        tier,
        passed: report.numPassedTests ?? 0,
        failed: failuresOf(report, code),
        skipped: report.numPendingTests ?? 0,
        ok: code === 0,
        seconds: (Date.now() - started) / 1000,
      });
    });
  });
}

// Minutes each tier may take before it is stopped and counted as failed. A tier that hangs (a child
// process a failed test never stopped keeps Jest from exiting) must still end in the summary line:
// the last CI on record instead waited out its 90-minute limit and printed nothing. Budgets are
// about four times what each tier takes on the 2-core machines here.
const budgetMinutes: Record<Tier, number> = { unit: 10, int: 25, e2e: 35 };

const stopGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
};

let interrupted = false;

/** Stops the tier's process group past its budget, or when npm test itself is interrupted. */
function watchOver(tier: Tier, child: ChildProcess): () => void {
  const minutes = Number(process.env['NHIP_TEST_BUDGET_MINUTES'] ?? budgetMinutes[tier]);
  const timer = setTimeout(() => {
    log(`\n✖ the ${tier} tests ran past their ${minutes}-minute budget: stopped, counted as failed`);
    stopGroup(child, 'SIGTERM');
    setTimeout(() => stopGroup(child, 'SIGKILL'), 10_000).unref();
  }, minutes * 60_000);
  // Ctrl-C reaches the terminal's process group only, which the tier left: pass it on.
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = true;
    stopGroup(child, signal);
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  return () => {
    clearTimeout(timer);
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  };
}

/** Ensures the servers the chosen tiers need, and afterwards stops only those it started. */
async function withInfra<T>(tiers: Tier[], work: (env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (tiers.every((t) => t === 'unit')) return work(env);
  log('Nhịp tests: making sure Kafka and PostgreSQL are up');
  const infra: Infra = await ensureInfra({ allowContainers: true });
  Object.assign(env, infraEnv(infra));
  try {
    return await work(env);
  } finally {
    if (process.env['NHIP_KEEP_INFRA'] !== '1') {
      if (infra.kafka.startedNow) await stopKafka();
      if (infra.postgres.startedNow) await stopPostgres();
      if (infra.issuer.startedNow) await stopIssuer();
    }
  }
}

function summarise(results: TierResult[]): number {
  log('');
  for (const r of results) {
    log(
      `  ${r.ok ? '✔' : '✖'} ${r.tier.padEnd(4)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.seconds.toFixed(1)} s)`,
    );
  }
  const sum = (pick: (r: TierResult) => number): number => results.reduce((n, r) => n + pick(r), 0);
  const [passed, failed, skipped] = [sum((r) => r.passed), sum((r) => r.failed), sum((r) => r.skipped)];
  process.stdout.write(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
  return results.every((r) => r.ok) && failed === 0 ? 0 : 1;
}

/** A tool the tests need, installed when missing; when that fails, the specs that need it say so. */
function installed(ensure: (progress: (line: string) => void) => void): void {
  try {
    ensure(log);
  } catch (error) {
    log(describeFailure(error));
  }
}

/** End-to-end tests run the services as they ship: compiled and bundled, so build first. */
async function build(): Promise<boolean> {
  log('\n▶ build (tsc -b, then one bundle per service) for the end-to-end tier');
  try {
    await buildServices();
    return true;
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    return false;
  }
}

async function main(): Promise<number> {
  const { tiers, jestArgs } = parseArgs(process.argv.slice(2));
  const results = await withInfra(tiers, async (env) => {
    const done: TierResult[] = [];
    for (const tier of tiers) {
      if (interrupted) break;
      // The dashboard's end-to-end tests drive a real Chromium, the monitoring spec a real
      // Prometheus and its promtool: installed here when missing, as on a fresh machine.
      if (tier === 'e2e') for (const ensure of [ensureChromium, ensurePrometheusInstalled]) installed(ensure);
      if (tier === 'e2e' && !(await build())) {
        done.push({ tier, passed: 0, failed: 1, skipped: 0, ok: false, seconds: 0 });
        continue;
      }
      done.push(await runJest(tier, env, jestArgs));
    }
    return done;
  });
  return summarise(results);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`\n${describeFailure(error)}`);
    process.stdout.write('0 passed, 1 failed\n');
    process.exit(1);
  },
);
