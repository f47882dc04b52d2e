// What a service's supervisor tells the rest of the tools: a small state file (rewritten whole on
// every change, so a reader never sees half of it) and where its files live under .infra.
import fs from 'node:fs';
import path from 'node:path';
import { infraDir, logsDir } from '../infra/config.ts';

export interface ExitRecord {
  readonly code: number | null;
  readonly signal: string | null;
  readonly at: string;
  readonly uptimeMs: number;
}

export interface SupervisionState {
  readonly service: string;
  readonly supervisorPid: number;
  /** `up`: the service process runs; `backing-off`: it exited and waits to be started again. */
  readonly status: 'up' | 'backing-off' | 'stopped';
  /** The service's process, while it runs. */
  readonly pid: number | null;
  /** When the running process was started. */
  readonly since: string | null;
  readonly restarts: number;
  readonly lastExit: ExitRecord | null;
  readonly nextStartAt: string | null;
}

export interface SupervisionFiles {
  /** The service's own output. */
  readonly outputFile: string;
  /** One JSON line per start, exit, restart and stop. */
  readonly eventLog: string;
  readonly stateFile: string;
  /** The running service's pid, for operators who `kill` it by hand. */
  readonly pidFile: string;
}

const markerPattern = /^\[supervisor\] pid (\d+) started/;

/** The line a supervisor writes into the service's output before each process's own lines. */
export const startMarker = (pid: number, restarts: number): string =>
  `[supervisor] pid ${pid} started${restarts === 0 ? '' : ` (restart ${restarts})`} at ${new Date().toISOString()}\n`;

/** The pid a start marker names, or undefined for any other line. */
export function markedPid(line: string): number | undefined {
  const match = markerPattern.exec(line);
  return match ? Number(match[1]) : undefined;
}

export const runDir = path.join(infraDir, 'run');

export function supervisionFiles(service: string): SupervisionFiles {
  return {
    outputFile: path.join(logsDir, `${service}.log`),
    eventLog: path.join(logsDir, `${service}.supervisor.log`),
    stateFile: path.join(runDir, `${service}.state.json`),
    pidFile: path.join(runDir, `${service}.pid`),
  };
}

/**
 * Whether a process runs. A detached process that died is a zombie until init reaps it, which
 * here can take seconds; `kill -0` still succeeds on a zombie, so its state in /proc decides.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // The state letter follows the command name, which is in parentheses and may contain spaces.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): kill -0 is all there is
  }
}

export function writeState(file: string, state: SupervisionState): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

export function readState(file: string): SupervisionState | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SupervisionState;
  } catch {
    return undefined;
  }
}

export interface ServiceStatus {
  /** The service's process is alive. */
  readonly running: boolean;
  /** Its supervisor is alive and will start it again when it exits. */
  readonly supervised: boolean;
  readonly status?: SupervisionState['status'];
  readonly pid?: number | null;
  readonly upSince?: string | null;
  readonly restarts?: number;
  readonly lastExit?: ExitRecord | null;
  readonly nextStartAt?: string | null;
}

/** What `npm run infra -- status` prints for a service, from its state file and live pids. */
export function serviceStatus(service: string): ServiceStatus {
  const state = readState(supervisionFiles(service).stateFile);
  if (!state) return { running: false, supervised: false };
  const { status, pid, since, restarts, lastExit, nextStartAt } = state;
  return {
    running: pid !== null && isRunning(pid),
    supervised: status !== 'stopped' && isRunning(state.supervisorPid),
    status,
    pid,
    upSince: since,
    restarts,
    lastExit,
    nextStartAt,
  };
}
