// npm run bench:<name>: makes sure Kafka and PostgreSQL are up, runs bench/src/<name>.bench.ts
// against them, and stops only what it started.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../infra/config.ts';
import { ensureInfra, infraEnv } from '../infra/infra.ts';
import { describeFailure, InfraError } from '../infra/infra-error.ts';
import { stopKafka } from '../infra/kafka.ts';
import { stopPostgres } from '../infra/postgres.ts';

async function main(name: string | undefined): Promise<number> {
  const script = path.join(repoRoot, 'bench', 'src', `${name ?? ''}.bench.ts`);
  if (!name || !fs.existsSync(script)) {
    const known = fs.readdirSync(path.dirname(script)).filter((f) => f.endsWith('.bench.ts'));
    throw new InfraError(
      `Unknown benchmark "${name ?? ''}": choose one of ${known.map((f) => f.replace('.bench.ts', '')).join(', ')}.`,
    );
  }
  const infra = await ensureInfra({ allowContainers: true });
  try {
    return await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['--conditions=@nhip/source', script], {
        cwd: repoRoot,
        env: { ...process.env, ...infraEnv(infra) },
        stdio: 'inherit',
      });
      child.on('close', (code) => resolve(code ?? 1));
    });
  } finally {
    if (infra.kafka.startedNow) await stopKafka();
    if (infra.postgres.startedNow) await stopPostgres();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`\n${describeFailure(error)}\n`);
    process.exit(1);
  },
);
