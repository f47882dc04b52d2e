// npm start's supervisor on tiny fixture processes (not the platform): a process that exits is
// started again after the backoff, a killed one comes back, each start and exit is a JSON line
// and in the state file, and SIGTERM to the supervisor stops the process without a restart.
import { afterEach, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually } from '@nhip/testing';
import { startSupervisor } from './services.ts';
import { isRunning, readState, type SupervisionFiles } from './supervision.ts';
import type { SupervisorSpec } from './supervisor.ts';

interface SupervisorEvent {
  at: string;
  event: string;
  pid?: number;
  code?: number | null;
  signal?: string | null;
  restarts?: number;
  nextDelayMs?: number;
  expected?: boolean;
}

// Exits quickly (code 3) except on its fourth run, which outlasts the reset window; counts its
// runs in the file named by its first argument. A run's length, as the supervisor sees it, includes
// Node's start-up, which takes most of a second on a loaded machine: hence a window of 3 s, and a
// long run of 4 s.
const flaky = `
  const fs = require('node:fs');
  const file = process.argv[1];
  const run = (fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : 0) + 1;
  fs.writeFileSync(file, String(run));
  setTimeout(() => process.exit(3), run === 4 ? 4_000 : 100);
`;
// Runs until told to stop; notes when it is ready, and that it was asked politely before it exits.
// Prints the instance name it was given (its consumers' name in their groups).
const steady = `
  const fs = require('node:fs');
  console.log('instance ' + process.env.NHIP_INSTANCE_ID);
  process.on('SIGTERM', () => { fs.writeFileSync(process.argv[1], 'SIGTERM'); process.exit(0); });
  fs.writeFileSync(process.argv[1], 'ready');
  setInterval(() => undefined, 1000);
`;

const started: number[] = [];
let dir = '';

function supervise(script: string, backoff: SupervisorSpec['backoff']): SupervisionFiles {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nhip-supervisor-'));
  const files = {
    outputFile: path.join(dir, 'fixture.log'),
    eventLog: path.join(dir, 'fixture.supervisor.log'),
    stateFile: path.join(dir, 'fixture.state.json'),
    pidFile: path.join(dir, 'fixture.pid'),
  };
  const spec: SupervisorSpec = {
    service: 'fixture',
    command: process.execPath,
    args: ['-e', script, path.join(dir, 'marker')],
    files,
    backoff,
    stopGraceMs: 2_000,
  };
  started.push(startSupervisor(spec, process.env));
  return files;
}

function events(files: SupervisionFiles): SupervisorEvent[] {
  if (!fs.existsSync(files.eventLog)) return [];
  return fs
    .readFileSync(files.eventLog, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as SupervisorEvent);
}

/** The instance names the supervised processes printed, one line per start. */
const instanceLines = (files: SupervisionFiles): string[] =>
  fs.existsSync(files.outputFile)
    ? (fs.readFileSync(files.outputFile, 'utf8').match(/^instance .*$/gm) ?? [])
    : [];

const named = (files: SupervisionFiles, name: string): SupervisorEvent[] =>
  events(files).filter((e) => e.event === name);

async function stopSupervisor(pid: number): Promise<void> {
  process.kill(pid, 'SIGTERM');
  await eventually(() => !isRunning(pid), { timeoutMs: 10_000 });
}

afterEach(() => {
  for (const pid of started.splice(0)) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  const state = dir ? readState(path.join(dir, 'fixture.state.json')) : undefined;
  if (state?.pid && isRunning(state.pid)) process.kill(state.pid, 'SIGKILL');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the supervisor of npm start', () => {
  it('starts an exiting process again after a doubling wait, capped, and afresh after a long run', async () => {
    const files = supervise(flaky, { initialMs: 300, maxMs: 1_000, resetAfterMs: 3_000 });
    await eventually(() => named(files, 'exit').length >= 5, { timeoutMs: 40_000 });
    const exits = named(files, 'exit').slice(0, 5);
    // Runs 1–3 quick (300, 600, capped at 1 000), run 4 outlasts the window (300 again), run 5 quick.
    expect(exits.map((e) => e.nextDelayMs)).toEqual([300, 600, 1_000, 300, 600]);
    expect(exits.map((e) => [e.code, e.signal])).toEqual(Array.from({ length: 5 }, () => [3, null]));
    expect(exits.map((e) => e.restarts)).toEqual([1, 2, 3, 4, 5]);

    const [first] = named(files, 'start');
    const restarts = named(files, 'restart').slice(0, 4);
    expect(first?.restarts).toBe(0);
    expect(restarts.map((r) => r.restarts)).toEqual([1, 2, 3, 4]);
    // Each restart waited at least the announced delay after the exit before it.
    restarts.forEach((restart, i) => {
      const waited = Date.parse(restart.at) - Date.parse(exits[i]!.at);
      expect(waited).toBeGreaterThanOrEqual(exits[i]!.nextDelayMs! - 5);
    });
    // A new process each time, not the same one reported twice.
    const pids = [first, ...restarts].map((e) => e?.pid);
    expect(new Set(pids).size).toBe(5);

    const state = readState(files.stateFile)!;
    expect(state.restarts).toBeGreaterThanOrEqual(5);
    expect(state.lastExit).toMatchObject({ code: 3, signal: null });
    expect(isRunning(state.supervisorPid)).toBe(true);
  });

  it('brings back a process killed with SIGKILL and records the signal', async () => {
    const files = supervise(steady, { initialMs: 200, maxMs: 1_000, resetAfterMs: 60_000 });
    const before = await eventually(() => readState(files.stateFile)?.pid);
    expect(Number(fs.readFileSync(files.pidFile, 'utf8'))).toBe(before);
    // Killed once it has run (said its name), not while Node is still starting it.
    await eventually(() => instanceLines(files).length === 1);
    process.kill(before, 'SIGKILL');

    const after = await eventually(() => {
      const state = readState(files.stateFile);
      return state?.status === 'up' && state.pid !== before ? state : undefined;
    });
    expect(after.restarts).toBe(1);
    expect(after.lastExit).toMatchObject({ code: null, signal: 'SIGKILL' });
    expect(after.since).not.toBeNull();
    expect(isRunning(after.pid!)).toBe(true);
    expect(Number(fs.readFileSync(files.pidFile, 'utf8'))).toBe(after.pid);
    expect(named(files, 'exit')).toEqual([
      expect.objectContaining({ pid: before, signal: 'SIGKILL', restarts: 1, nextDelayMs: 200 }),
    ]);
    // The restarted process got the name the killed one had: it takes its place in its groups back.
    const names = await eventually(() => {
      const lines = instanceLines(files);
      return lines.length >= 2 ? lines : undefined;
    });
    expect(names).toEqual([
      `instance fixture-${after.supervisorPid}`,
      `instance fixture-${after.supervisorPid}`,
    ]);
  });

  it('stops the process on SIGTERM and does not start it again', async () => {
    const files = supervise(steady, { initialMs: 200, maxMs: 1_000, resetAfterMs: 60_000 });
    const child = await eventually(() => readState(files.stateFile)?.pid);
    const marker = path.join(dir, 'marker');
    await eventually(() => fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === 'ready');
    await stopSupervisor(started[0]!);

    expect(isRunning(child)).toBe(false);
    // Asked to stop, not killed: the service gets to close its connections.
    expect(fs.readFileSync(marker, 'utf8')).toBe('SIGTERM');
    // Well past the restart delay, nothing was started again.
    await new Promise((r) => setTimeout(r, 600));
    expect(events(files).map((e) => e.event)).toEqual(['start', 'stopping', 'exit', 'stopped']);
    expect(named(files, 'exit')[0]).toMatchObject({ pid: child, code: 0, expected: true });
    expect(readState(files.stateFile)).toMatchObject({ status: 'stopped', pid: null, restarts: 0 });
    expect(fs.existsSync(files.pidFile)).toBe(false);
  });

  it('stops while waiting to restart without starting the process again', async () => {
    const files = supervise('process.exit(1)', { initialMs: 5_000, maxMs: 5_000, resetAfterMs: 60_000 });
    await eventually(() => readState(files.stateFile)?.status === 'backing-off');
    const asked = Date.now();
    await stopSupervisor(started[0]!);

    expect(Date.now() - asked).toBeLessThan(4_000);
    expect(events(files).map((e) => e.event)).toEqual(['start', 'exit', 'stopping', 'stopped']);
    expect(readState(files.stateFile)).toMatchObject({ status: 'stopped', restarts: 1 });
  });
});
