// The platform's services as npm start runs them: built once, each a detached process with a pid
// file and a log under .infra, started only when not already answering its health check.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { infraDir, logsDir, repoRoot } from '../infra/config.ts';
import { InfraError } from '../infra/infra-error.ts';

export interface ServiceDefinition {
  readonly name: string;
  readonly entry: string;
  readonly port: number;
  readonly env: Record<string, string>;
}

const runDir = path.join(infraDir, 'run');

export function platformServices(): ServiceDefinition[] {
  const registryPort = Number(process.env['REGISTRY_PORT'] ?? 3101);
  const activityPort = Number(process.env['ACTIVITY_PORT'] ?? 3102);
  return [
    {
      name: 'registry',
      entry: path.join(repoRoot, 'apps', 'registry', 'dist', 'main.js'),
      port: registryPort,
      env: { REGISTRY_PORT: String(registryPort) },
    },
    {
      name: 'activity',
      entry: path.join(repoRoot, 'apps', 'activity', 'dist', 'main.js'),
      port: activityPort,
      env: { ACTIVITY_PORT: String(activityPort) },
    },
  ];
}

export const serviceUrl = (service: ServiceDefinition): string => `http://127.0.0.1:${service.port}`;

async function healthy(service: ServiceDefinition): Promise<boolean> {
  try {
    const response = await fetch(`${serviceUrl(service)}/health`, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts the service unless it already answers; returns whether it was started now. */
export async function ensureService(
  service: ServiceDefinition,
  env: Record<string, string>,
): Promise<boolean> {
  if (await healthy(service)) return false;
  fs.mkdirSync(runDir, { recursive: true });
  fs.mkdirSync(logsDir, { recursive: true });
  const logFile = path.join(logsDir, `${service.name}.log`);
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [service.entry], {
    env: { ...process.env, ...env, ...service.env },
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.unref();
  fs.writeFileSync(path.join(runDir, `${service.name}.pid`), String(child.pid));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await healthy(service)) return true;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-6).join('\n');
  throw new InfraError(
    `The ${service.name} service did not come up on port ${service.port}. Last lines of ${logFile}:\n${tail}`,
  );
}

export async function stopService(service: ServiceDefinition): Promise<boolean> {
  const pidFile = path.join(runDir, `${service.name}.pid`);
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  fs.rmSync(pidFile, { force: true });
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return false;
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  process.kill(pid, 'SIGKILL');
  return true;
}
