// The platform's services as npm start runs them: built once, each under its own detached
// supervisor (supervisor.ts, ADR 0017) that restarts it with backoff when it exits, with its output
// and the supervisor's record under .infra/logs; started only when not already answering /health.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { serviceNodeEnv, serviceNodeFlags } from '@nhip/telemetry/node-flags';
import { repoRoot } from '../infra/config.ts';
import { InfraError } from '../infra/infra-error.ts';
import { defaultBackoff } from './backoff.ts';
import { isRunning, readState, supervisionFiles, type SupervisionState } from './supervision.ts';
import type { SupervisorSpec } from './supervisor.ts';
import { serviceEntry } from '@nhip/telemetry/node-flags';

export interface ServiceDefinition {
  readonly name: string;
  readonly entry: string;
  readonly port: number;
  readonly env: Record<string, string>;
}

export function platformServices(): ServiceDefinition[] {
  const registryPort = Number(process.env['REGISTRY_PORT'] ?? 3101);
  const activityPort = Number(process.env['ACTIVITY_PORT'] ?? 3102);
  const trainingPort = Number(process.env['TRAINING_PORT'] ?? 3103);
  const kpiPort = Number(process.env['KPI_PORT'] ?? 3104);
  const projectionPort = Number(process.env['PROJECTION_PORT'] ?? 3105);
  return [
    {
      name: 'registry',
      entry: path.join(repoRoot, serviceEntry('registry')),
      port: registryPort,
      env: { REGISTRY_PORT: String(registryPort) },
    },
    {
      name: 'activity',
      entry: path.join(repoRoot, serviceEntry('activity')),
      port: activityPort,
      env: { ACTIVITY_PORT: String(activityPort) },
    },
    {
      name: 'training',
      entry: path.join(repoRoot, serviceEntry('training')),
      port: trainingPort,
      // Phone numbers of completion lists are looked up in the registry, through its API.
      env: { TRAINING_PORT: String(trainingPort), REGISTRY_URL: `http://127.0.0.1:${registryPort}` },
    },
    {
      name: 'kpi',
      entry: path.join(repoRoot, serviceEntry('kpi')),
      port: kpiPort,
      env: { KPI_PORT: String(kpiPort) },
    },
    {
      name: 'projection',
      entry: path.join(repoRoot, serviceEntry('projection')),
      port: projectionPort,
      // Series and explanations are the KPI service's answers, the dashboard's unit search and
      // lookups the registry's, each asked with the caller's token.
      env: {
        PROJECTION_PORT: String(projectionPort),
        KPI_URL: `http://127.0.0.1:${kpiPort}`,
        REGISTRY_URL: `http://127.0.0.1:${registryPort}`,
      },
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

const supervisorEntry = path.join(repoRoot, 'tools', 'platform', 'supervisor.ts');
// Loaded before each service: traces when OTEL_EXPORTER_OTLP_ENDPOINT (or NHIP_TRACE_FILE) is set.
const telemetryEntry = path.join(repoRoot, 'libs', 'telemetry', 'dist', 'register.js');

/** Starts a detached supervisor for a command; it outlives the caller. Returns its pid. */
export function startSupervisor(spec: SupervisorSpec, env: NodeJS.ProcessEnv): number {
  const { eventLog, outputFile, stateFile, pidFile } = spec.files;
  for (const file of [eventLog, outputFile, stateFile, pidFile])
    fs.mkdirSync(path.dirname(file), { recursive: true });
  // A state file left by an earlier run would read as this run's exits.
  fs.rmSync(spec.files.stateFile, { force: true });
  const out = fs.openSync(spec.files.eventLog, 'a');
  const child = spawn(process.execPath, [supervisorEntry, JSON.stringify(spec)], {
    env,
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  child.unref();
  if (child.pid === undefined) throw new InfraError(`Could not start the supervisor of ${spec.service}.`);
  return child.pid;
}

function supervisorAlive(state: SupervisionState | undefined): state is SupervisionState {
  return state !== undefined && state.status !== 'stopped' && isRunning(state.supervisorPid);
}

/**
 * Starts the service under a supervisor unless it already answers or is already supervised;
 * returns whether it was started now. A service that exits before it first answers fails
 * `npm start` with its last lines rather than being restarted forever behind the developer's back.
 */
export async function ensureService(
  service: ServiceDefinition,
  env: Record<string, string>,
): Promise<boolean> {
  if (await healthy(service)) return false;
  const files = supervisionFiles(service.name);
  const supervised = supervisorAlive(readState(files.stateFile));
  if (!supervised) {
    const spec = {
      service: service.name,
      command: process.execPath,
      args: [...serviceNodeFlags, '--import', telemetryEntry, service.entry],
      files,
      backoff: defaultBackoff,
      stopGraceMs: 10_000,
    };
    startSupervisor(spec, { ...serviceNodeEnv, ...process.env, ...env, ...service.env });
  }
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await healthy(service)) return !supervised;
    const state = readState(files.stateFile);
    if (!supervised && state?.lastExit) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopService(service);
  const tail = fs.readFileSync(files.outputFile, 'utf8').split('\n').slice(-6).join('\n');
  throw new InfraError(
    `The ${service.name} service did not come up on port ${service.port}. Last lines of ${files.outputFile}:\n${tail}`,
  );
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (!isRunning(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isRunning(pid);
}

/** Stops a process with SIGTERM, then SIGKILL after the grace time; false if it was not running. */
async function terminate(pid: number, graceMs: number): Promise<boolean> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return false;
  }
  if (!(await waitForExit(pid, graceMs))) process.kill(pid, 'SIGKILL');
  return true;
}

/**
 * Stops the supervisor, which stops the service without restarting it. A service whose
 * supervisor is gone (killed by hand) is stopped directly.
 */
export async function stopService(service: ServiceDefinition): Promise<boolean> {
  const files = supervisionFiles(service.name);
  const state = readState(files.stateFile);
  let stopped = false;
  if (supervisorAlive(state)) stopped = await terminate(state.supervisorPid, 15_000);
  // Left over when the supervisor itself was killed, or from a run before supervision existed.
  const leftover = fs.existsSync(files.pidFile) ? Number(fs.readFileSync(files.pidFile, 'utf8')) : undefined;
  if (leftover !== undefined && isRunning(leftover)) stopped = (await terminate(leftover, 10_000)) || stopped;
  fs.rmSync(files.pidFile, { force: true });
  return stopped;
}
