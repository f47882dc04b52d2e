// npm run migrate -- <service>                  the deploy step: run the service's pending migrations
// npm run migrate -- <service> generate <Name>  write a migration for what the entities changed
// It finds (or starts) the local PostgreSQL and runs the service's own deploy step from source,
// apps/<service>/src/migrate.ts (shipped as `node dist/migrate.js`), printing its log lines as
// sentences. A service also migrates at start, under the same advisory lock, so running this first
// only moves the schema change out of the start-up path (and out of every instance's way).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '../infra/config.ts';
import { describeFailure, InfraError } from '../infra/infra-error.ts';
import { ensurePostgres } from '../infra/postgres.ts';
import { terminalLines } from './log-lines.ts';

const services = ['registry', 'activity', 'training', 'kpi', 'projection'];
const usage = `usage: npm run migrate -- <${services.join('|')}> [generate <ClassName>]`;

function isValidCommand([command, className, ...rest]: readonly string[]): boolean {
  return command === undefined || (command === 'generate' && Boolean(className) && rest.length === 0);
}

/** Runs the service's deploy step with DATABASE_URL pointing at the server; resolves to its exit code. */
async function runDeployStep(service: string, args: readonly string[], adminUrl: string): Promise<number> {
  const entry = path.join(repoRoot, 'apps', service, 'src', 'migrate.ts');
  const child = spawn(process.execPath, ['--conditions=@nhip/source', entry, ...args], {
    cwd: repoRoot,
    // The sentences come from its info lines, whatever level the shell asks services to log at.
    env: { ...process.env, DATABASE_URL: adminUrl, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  for await (const line of createInterface({ input: child.stdout })) {
    for (const { to, text } of terminalLines(line)) (to === 'stderr' ? console.error : console.log)(text);
  }
  return exited;
}

async function main([service = '', ...args]: string[]): Promise<void> {
  if (!services.includes(service) || !isValidCommand(args)) throw new InfraError(usage);
  const { adminUrl } = await ensurePostgres();
  process.exitCode = await runDeployStep(service, args, adminUrl);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(describeFailure(error));
  process.exit(1);
});
