// npm run bench:<name>: makes sure Kafka and PostgreSQL are up, runs bench/src/<name>.bench.ts
// against them (several names: one after the other), and stops only what it started. Flags after
// the names (`npm run bench:kpi -- --scale 0.1`) are passed to the benchmark. Then the summary of
// every bar's latest result is written again (bench/src/summary.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../infra/config.ts';
import { ensureInfra, infraEnv } from '../infra/infra.ts';
import { describeFailure, InfraError } from '../infra/infra-error.ts';
import { stopKafka } from '../infra/kafka.ts';
import { stopIssuer } from '../infra/issuer.ts';
import { stopPostgres } from '../infra/postgres.ts';

const benchDir = path.join(repoRoot, 'bench', 'src');

function scriptOf(name: string): string {
  const script = path.join(benchDir, `${name}.bench.ts`);
  if (!fs.existsSync(script)) {
    const known = fs.readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts'));
    throw new InfraError(
      `Unknown benchmark "${name}": choose from ${known.map((f) => f.replace('.bench.ts', '')).join(', ')}.`,
    );
  }
  return script;
}

function runScript(script: string, env: NodeJS.ProcessEnv, flags: readonly string[]): Promise<number> {
  return new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ['--conditions=@nhip/source', script, ...flags], {
      cwd: repoRoot,
      env,
      stdio: 'inherit',
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** Runs the named benchmarks one after the other on one start of the infrastructure. */
async function main(args: readonly string[]): Promise<number> {
  // Names first; from the first --flag on, the arguments go to every benchmark (--scale 0.1).
  const firstFlag = args.findIndex((a) => a.startsWith('--'));
  const names = firstFlag === -1 ? args : args.slice(0, firstFlag);
  const flags = firstFlag === -1 ? [] : args.slice(firstFlag);
  const scripts = (names.length > 0 ? names : ['']).map(scriptOf);
  const infra = await ensureInfra({ allowContainers: true });
  try {
    for (const script of scripts) {
      const code = await runScript(script, { ...process.env, ...infraEnv(infra) }, flags);
      if (code !== 0) return code;
    }
    // bench/results/README.md: every bar's latest figure, this run's included.
    return await runScript(path.join(benchDir, 'summary.ts'), process.env, []);
  } finally {
    await stopWhatWasStarted(infra);
  }
}

async function stopWhatWasStarted(infra: Awaited<ReturnType<typeof ensureInfra>>): Promise<void> {
  if (infra.kafka.startedNow) await stopKafka();
  if (infra.postgres.startedNow) await stopPostgres();
  // Left running, another checkout's run on these ports would reuse an issuer signing with this
  // checkout's keys (the next benchmark or test there would be refused).
  if (infra.issuer.startedNow) await stopIssuer();
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`\n${describeFailure(error)}\n`);
    process.exit(1);
  },
);
