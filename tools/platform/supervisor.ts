// A service's supervisor, the way an orchestrator runs a container with restart policy "always":
// a detached process started by `npm start` that outlives it, starts the service, starts it again
// with backoff whenever it exits, and on SIGTERM (npm run stop) stops it without a restart.
// Usage: node tools/platform/supervisor.ts '<SupervisorSpec as JSON>'. The service inherits this
// process's environment, so database URLs never appear on a command line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { consecutiveFailures, restartDelay, type BackoffPolicy } from './backoff.ts';
import { startMarker, writeState, type SupervisionFiles, type SupervisionState } from './supervision.ts';

export interface SupervisorSpec {
  readonly service: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly files: SupervisionFiles;
  readonly backoff: BackoffPolicy;
  /** How long the service may take to stop on SIGTERM before it is killed. */
  readonly stopGraceMs: number;
}

const spec = JSON.parse(process.argv[2] ?? '') as SupervisorSpec;
const { files } = spec;

let state: SupervisionState = {
  service: spec.service,
  supervisorPid: process.pid,
  status: 'up',
  pid: null,
  since: null,
  restarts: 0,
  lastExit: null,
  nextStartAt: null,
};
let failures = 0;
// One name for every process this supervisor starts, as a pod keeps its name across container
// restarts: a restarted service rejoins its consumer groups as the member it was, at once, instead
// of waiting for the killed process's member to expire (ADR 0019).
const serviceEnv = {
  ...process.env,
  NHIP_INSTANCE_ID: process.env['NHIP_INSTANCE_ID'] ?? `${spec.service}-${process.pid}`,
};
let stopping = false;
let running: { kill(signal: NodeJS.Signals): boolean } | undefined;
let pendingStart: NodeJS.Timeout | undefined;

function record(event: string, fields: Record<string, unknown>): void {
  const line = { at: new Date().toISOString(), service: spec.service, event, ...fields };
  fs.appendFileSync(files.eventLog, `${JSON.stringify(line)}\n`);
}

function update(change: Partial<SupervisionState>): void {
  state = { ...state, ...change };
  writeState(files.stateFile, state);
}

function start(): void {
  pendingStart = undefined;
  const output = fs.openSync(files.outputFile, 'a');
  const startedAt = Date.now();
  const child = spawn(spec.command, spec.args, { stdio: ['ignore', output, output], env: serviceEnv });
  fs.closeSync(output);
  running = child;
  let ended = false;
  const end = (code: number | null, signal: string | null): void => {
    if (ended) return;
    ended = true;
    exited(code, signal, Date.now() - startedAt);
  };
  child.once('exit', end);
  // A command that cannot be spawned at all emits 'error' and no 'exit'; it is an exit all the same.
  child.once('error', (error) => {
    record('spawn-failed', { message: error.message });
    if (child.pid === undefined) end(null, null);
  });
  const pid = child.pid ?? null;
  // Before the child's first line (Node takes tens of ms to boot): which process wrote what follows.
  if (pid !== null) fs.appendFileSync(files.outputFile, startMarker(pid, state.restarts));
  if (pid !== null) fs.writeFileSync(files.pidFile, String(pid));
  update({ status: 'up', pid, since: new Date(startedAt).toISOString(), nextStartAt: null });
  record(state.restarts === 0 ? 'start' : 'restart', { pid, restarts: state.restarts });
}

function exited(code: number | null, signal: string | null, uptimeMs: number): void {
  running = undefined;
  const lastExit = { code, signal, at: new Date().toISOString(), uptimeMs };
  if (stopping) {
    record('exit', { pid: state.pid, code, signal, uptimeMs, expected: true });
    update({ lastExit });
    finish();
    return;
  }
  failures = consecutiveFailures(spec.backoff, failures, uptimeMs);
  const delayMs = restartDelay(spec.backoff, failures);
  const restarts = state.restarts + 1;
  record('exit', { pid: state.pid, code, signal, uptimeMs, restarts, nextDelayMs: delayMs });
  fs.rmSync(files.pidFile, { force: true });
  const nextStartAt = new Date(Date.now() + delayMs).toISOString();
  update({ status: 'backing-off', pid: null, since: null, restarts, lastExit, nextStartAt });
  pendingStart = setTimeout(start, delayMs);
}

function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  clearTimeout(pendingStart);
  record('stopping', { signal, pid: state.pid });
  if (!running) {
    finish();
    return;
  }
  running.kill('SIGTERM');
  setTimeout(() => running?.kill('SIGKILL'), spec.stopGraceMs).unref();
}

function finish(): void {
  fs.rmSync(files.pidFile, { force: true });
  update({ status: 'stopped', pid: null, since: null, nextStartAt: null });
  record('stopped', { restarts: state.restarts });
  process.exit(0);
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Detached from the terminal that ran npm start; closing it must not stop the platform.
process.on('SIGHUP', () => undefined);
process.on('uncaughtException', (error) => {
  record('supervisor-failed', { message: error.message, stack: error.stack });
  running?.kill('SIGTERM');
  process.exit(1);
});
start();
