// Crash points for fault-injection tests: NHIP_FAILPOINTS=relay:after-publish kills the process
// with SIGKILL exactly there, as a power cut would. Unset in production, where this is one lookup.
//
// An entry is `name` (the first time it is reached), `name@N` (the Nth time, so a kill lands
// mid-load rather than on the first request) or `name=delay:MS` (a pause, for `failpointDelay`:
// a slow consumer). With NHIP_FAILPOINT_MARKS=<folder>, a kill leaves a marker file there first
// and a process that finds it leaves that failpoint disarmed: a supervisor that restarts the
// service with the same environment gets one kill per run, not a crash loop (docs/adr/0020).
import fs from 'node:fs';
import path from 'node:path';

interface Armed {
  readonly at: number;
  readonly delayMs: number | undefined;
  hits: number;
}

const marks = process.env['NHIP_FAILPOINT_MARKS'];
const markOf = (name: string): string | undefined =>
  marks === undefined ? undefined : path.join(marks, name.replace(/[^a-z0-9-]/gi, '_'));

/** A kill already spent in an earlier process of this run (see NHIP_FAILPOINT_MARKS). */
function spent(name: string): boolean {
  const mark = markOf(name);
  return mark !== undefined && fs.existsSync(mark);
}

function parse(spec: string): Map<string, Armed> {
  const armed = new Map<string, Armed>();
  for (const entry of spec.split(',').filter(Boolean)) {
    const [head = '', delay] = entry.split('=delay:');
    const [name = '', at = '1'] = head.split('@');
    if (delay === undefined && spent(name)) continue;
    armed.set(name, { at: Number(at), delayMs: delay === undefined ? undefined : Number(delay), hits: 0 });
  }
  return armed;
}

const armed = parse(process.env['NHIP_FAILPOINTS'] ?? '');

export function failpoint(name: string): void {
  if (armed.size === 0) return;
  const point = armed.get(name);
  if (point?.delayMs !== undefined || point === undefined || ++point.hits < point.at) return;
  const mark = markOf(name);
  if (mark !== undefined) fs.writeFileSync(mark, `${new Date().toISOString()}\n`);
  // Written to the pipe synchronously before the kill, for the test that armed it to read.
  // eslint-disable-next-line no-restricted-properties
  process.stderr.write(`failpoint ${name}: SIGKILL\n`);
  process.kill(process.pid, 'SIGKILL');
}

/** Waits there when armed as `name=delay:MS`; resolves at once otherwise. */
export function failpointDelay(name: string): Promise<void> {
  const delayMs = armed.size === 0 ? undefined : armed.get(name)?.delayMs;
  if (delayMs === undefined) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, delayMs));
}
