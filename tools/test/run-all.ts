// `npm test`: runs the unit, integration and end-to-end tiers against one set of real servers,
// then prints the line CI reads: "N passed, N failed".
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { infraDir, repoRoot } from '../infra/config.ts';
import { ensureInfra, infraEnv, stopInfra, type Infra } from '../infra/infra.ts';
import { InfraError } from '../infra/infra-error.ts';
import { log } from '../infra/progress.ts';

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

function runJest(tier: Tier, env: NodeJS.ProcessEnv, jestArgs: string[]): Promise<TierResult> {
  const resultsFile = path.join(infraDir, 'test-results', `${tier}.json`);
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.rmSync(resultsFile, { force: true });
  const started = Date.now();
  const args = [
    '--experimental-vm-modules',
    '--conditions=@nhip/source',
    '--disable-warning=ExperimentalWarning',
    path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'),
    '--selectProjects',
    tier,
    '--passWithNoTests',
    '--json',
    `--outputFile=${resultsFile}`,
    ...(tier === 'unit' ? [] : ['--runInBand']),
    ...jestArgs,
  ];
  log(`\n▶ ${tier} tests`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: 'inherit' });
    child.on('close', (code) => {
      const seconds = (Date.now() - started) / 1000;
      let report: { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numRuntimeErrorTestSuites?: number } = {};
      try {
        report = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as typeof report;
      } catch {
        // No report means Jest itself failed (config or setup); count it as one failure.
      }
      const suiteErrors = report.numRuntimeErrorTestSuites ?? 0;
      const failed = (report.numFailedTests ?? (code === 0 ? 0 : 1)) + suiteErrors;
      resolve({
        tier,
        passed: report.numPassedTests ?? 0,
        failed: code !== 0 && failed === 0 ? 1 : failed,
        skipped: report.numPendingTests ?? 0,
        ok: code === 0,
        seconds,
      });
    });
  });
}

async function main(): Promise<number> {
  const { tiers, jestArgs } = parseArgs(process.argv.slice(2));
  let infra: Infra | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (tiers.some((t) => t !== 'unit')) {
    log('Nhịp tests: making sure Kafka and PostgreSQL are up');
    infra = await ensureInfra();
    Object.assign(env, infraEnv(infra));
  }
  const results: TierResult[] = [];
  try {
    for (const tier of tiers) results.push(await runJest(tier, env, jestArgs));
  } finally {
    const startedHere = infra && (infra.kafka.startedNow || infra.postgres.startedNow);
    if (startedHere && process.env['NHIP_KEEP_INFRA'] !== '1') {
      log('\nStopping the Kafka and PostgreSQL this run started (NHIP_KEEP_INFRA=1 keeps them)');
      await stopInfra();
    }
  }
  log('');
  for (const r of results) {
    log(`  ${r.ok ? '✔' : '✖'} ${r.tier.padEnd(4)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${r.seconds.toFixed(1)} s)`);
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const skipped = results.reduce((n, r) => n + r.skipped, 0);
  process.stdout.write(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
  return results.every((r) => r.ok) && failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`\n✖ ${error instanceof InfraError ? error.message : String(error)}`);
    process.stdout.write('0 passed, 1 failed\n');
    process.exit(1);
  },
);
