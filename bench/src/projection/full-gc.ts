// Memory as the fan-out benchmark reads it, the same for both servers: a full collection first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const preload = path.join(path.dirname(fileURLToPath(import.meta.url)), 'gc-preload.ts');

const markers = fs.mkdtempSync(path.join(os.tmpdir(), 'nhip-bench-gc-'));

/** The environment that makes a server collect its garbage when its marker file is touched. */
export const collectsOnRequest = (): Record<string, string> => ({
  NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${preload}`.trim(),
  BENCH_GC_DIR: markers,
});

export interface LiveMemory {
  /** Resident memory in MB after the collection: what the process holds, native parts included. */
  readonly rssMb: number;
  /** JavaScript heap and external memory in MB still reachable after it: live objects only. */
  readonly liveMb: number;
}

/** The process's memory after a full collection of its heap. */
export async function liveMemory(pid: number): Promise<LiveMemory> {
  const marker = path.join(markers, `gc-${pid}`);
  fs.rmSync(`${marker}.done`, { force: true });
  fs.writeFileSync(marker, String(Date.now()));
  fs.utimesSync(marker, new Date(), new Date());
  await new Promise((r) => setTimeout(r, 1500));
  if (!fs.existsSync(`${marker}.done`)) throw new Error(`process ${pid} did not collect its garbage`);
  const { heapUsed, external } = JSON.parse(fs.readFileSync(`${marker}.done`, 'utf8')) as Record<
    string,
    number
  >;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    rssMb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024,
    liveMb: ((heapUsed ?? 0) + (external ?? 0)) / 2 ** 20,
  };
}
