// Exits nobody planned, with the service's last words: a fault run's restart count says that a
// service came back N times, not why. The faults kill by SIGKILL (kill -9 from the runner, or a
// failpoint on itself); any other exit is a crash, and a CI log must say what it was (the one in
// the projection's ledger run, 12 restarts where 2 were planned, said nothing).
import { markedPid } from '../../platform/supervision.ts';

export interface Crash {
  readonly pid: number;
  readonly code: number | null;
  readonly signal: string | null;
  readonly uptimeMs: number;
  /** The process's last warnings and errors, and what it wrote outside its log (the `✖` line). */
  readonly lastWords: readonly string[];
}

interface SupervisorEvent {
  readonly event: string;
  readonly pid?: number;
  readonly code?: number | null;
  readonly signal?: string | null;
  readonly uptimeMs?: number;
  readonly expected?: boolean;
}

const wordsKept = 4;
const widest = 300;

const parsed = (line: string): Record<string, unknown> | undefined => {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
};

/** A pino line as one readable line: level, message and the error's own message when it has one. */
function said(entry: Record<string, unknown>): string {
  const err = entry['err'] as { message?: unknown } | undefined;
  const cause = typeof err?.message === 'string' ? `: ${err.message}` : '';
  return `${String(entry['level'])} ${String(entry['msg'])}${cause}`.slice(0, widest);
}

/** The pid a line names: the supervisor's start marker, or a JSON line's own field. */
function pidOf(line: string, entry: Record<string, unknown> | undefined): number | undefined {
  const pid = entry?.['pid'];
  return markedPid(line) ?? (typeof pid === 'number' ? pid : undefined);
}

/** What a crash report should quote: stderr, and log lines above info. */
const worthQuoting = (line: string, entry: Record<string, unknown> | undefined): boolean =>
  markedPid(line) === undefined && line.trim() !== '' && !routine(entry);

/**
 * Each process's words in an output file several processes appended to, in turn: the supervisor's
 * start marker and each JSON line name the pid; a plain line (stderr) is the last one named's.
 */
function wordsByPid(output: string): Map<number, string[]> {
  const words = new Map<number, string[]>();
  let current: number | undefined;
  for (const line of output.split('\n')) {
    const entry = parsed(line);
    current = pidOf(line, entry) ?? current;
    if (current === undefined || !worthQuoting(line, entry)) continue;
    const list = words.get(current) ?? [];
    words.set(current, list);
    list.push(entry ? said(entry) : line.slice(0, widest));
  }
  return words;
}

/** Info and below: what every healthy process writes too. */
const routine = (entry: Record<string, unknown> | undefined): boolean =>
  entry !== undefined && ['info', 'debug', 'trace'].includes(String(entry['level']));

/** The unplanned exits in a supervisor's event log, with each process's last words from its output. */
export function crashesIn(eventLog: string, output: string): Crash[] {
  const exits = eventLog
    .split('\n')
    .map((line) => parsed(line) as SupervisorEvent | undefined)
    .filter((e): e is SupervisorEvent => e?.event === 'exit' && e.expected !== true)
    .filter((e) => e.signal !== 'SIGKILL');
  if (exits.length === 0) return [];
  const words = wordsByPid(output);
  return exits.map((e) => ({
    pid: e.pid ?? 0,
    code: e.code ?? null,
    signal: e.signal ?? null,
    uptimeMs: e.uptimeMs ?? 0,
    lastWords: (words.get(e.pid ?? 0) ?? []).slice(-wordsKept),
  }));
}
