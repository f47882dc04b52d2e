// Memory of the whole stack while a benchmark loads it: each service's resident set (VmRSS), and
// the stack's total with Kafka and every PostgreSQL process counted by proportional set size (PSS),
// so the shared buffers PostgreSQL's processes all map are counted once, not once per process.
import fs from 'node:fs';
import { repo } from '../activity-stack.ts';
import { buildReport, formatRatios, ratio, writeReport } from '../report.ts';
import { rssMb } from './stack.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

const read = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

function pssMb(pid: number): number {
  const kb = Number(/^Pss:\s+(\d+)/m.exec(read(`/proc/${pid}/smaps_rollup`))?.[1] ?? 0);
  return kb / 1024;
}

/** This worktree's broker and PostgreSQL processes (the postmaster and its children). */
function infraPids(): { kafka: number[]; postgres: number[] } {
  const procs = fs
    .readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map((pid) => ({
      pid: Number(pid),
      cmd: read(`/proc/${pid}/cmdline`).replaceAll('\0', ' '),
      ppid: Number(/^PPid:\s+(\d+)/m.exec(read(`/proc/${pid}/status`))?.[1] ?? 0),
    }));
  const kafka = procs.filter((p) => p.cmd.includes('kafka.Kafka') && p.cmd.includes(repo)).map((p) => p.pid);
  const postmasters = procs
    .filter((p) => p.cmd.includes('/bin/postgres') && p.cmd.includes(repo))
    .map((p) => p.pid);
  const postgres = procs
    .filter((p) => postmasters.includes(p.pid) || postmasters.includes(p.ppid))
    .map((p) => p.pid);
  return { kafka, postgres };
}

/**
 * CPU time a process has used so far, every thread (user + system), in seconds: what a setting that
 * saves memory by collecting more often costs, which a shared machine's throughput hides in noise.
 */
function cpuSeconds(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  // utime and stime are fields 14 and 15, counted after the command name, which may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userHz = 100; // the kernel's USER_HZ, fixed at 100 for user space on Linux
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / userHz;
}

export interface MemoryPeaks {
  /** Peak VmRSS of each service, MB. */
  readonly services: Record<string, number>;
  /** CPU seconds each service used while sampled (the load, not the start). */
  readonly cpuSeconds: Record<string, number>;
  readonly kafkaMb: number;
  readonly postgresMb: number;
  /** Peak over every tick of the services' RSS then plus Kafka's and PostgreSQL's last PSS (≤ ~2.3 s old). */
  readonly stackMb: number;
}

/**
 * Samples the services every `everyMs` and the broker and database every `infraEveryMs` until
 * stopped; returns the peaks. The services' VmRSS is one small file each. PSS is not: the kernel
 * walks every page of the process for `smaps_rollup`, ~17 ms for the broker's JVM and ~2 ms per
 * PostgreSQL backend (all of them map the shared buffers), and finding the backends reads every
 * process's status. Every 250 ms, with the 40–60 backends of a loaded stack, that was a third of a
 * core taken from the system it measures; the broker's and the database's memory moves slowly
 * (heap and shared buffers), so every 2 s sees their peaks.
 */
export function sampleMemory(
  services: Record<string, number>,
  everyMs = 250,
  infraEveryMs = 2000,
): () => MemoryPeaks {
  const peaks: Record<string, number> = {};
  let kafkaMb = 0;
  let postgresMb = 0;
  let stackMb = 0;
  let infraNow = { kafka: 0, postgres: 0 };
  let infraAt = -Infinity;
  const sampleInfra = () => {
    const infra = infraPids();
    infraNow = {
      kafka: infra.kafka.reduce((sum, pid) => sum + pssMb(pid), 0),
      postgres: infra.postgres.reduce((sum, pid) => sum + pssMb(pid), 0),
    };
    infraAt = performance.now();
    kafkaMb = Math.max(kafkaMb, infraNow.kafka);
    postgresMb = Math.max(postgresMb, infraNow.postgres);
  };
  const tick = (force = false) => {
    if (force || performance.now() - infraAt >= infraEveryMs) sampleInfra();
    const now = Object.fromEntries(Object.entries(services).map(([name, pid]) => [name, rssMb(pid)]));
    for (const [name, mb] of Object.entries(now)) peaks[name] = Math.max(peaks[name] ?? 0, mb);
    const servicesMb = Object.values(now).reduce((a, b) => a + b, 0);
    stackMb = Math.max(stackMb, infraNow.kafka + infraNow.postgres + servicesMb);
  };
  const cpuAt = (): Record<string, number> =>
    Object.fromEntries(Object.entries(services).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const cpuBefore = cpuAt();
  tick(true);
  const timer = setInterval(tick, everyMs);
  return () => {
    clearInterval(timer);
    tick(true);
    const used = Object.entries(cpuAt()).map(([name, s]): [string, number] => [
      name,
      s - (cpuBefore[name] ?? 0),
    ]);
    return { services: peaks, cpuSeconds: Object.fromEntries(used), kafkaMb, postgresMb, stackMb };
  };
}

/**
 * P9's bars, each service's peak and the stack's: bench/results/memory.json from bench:ingest (the
 * P5 load the bar names), or under another name from another benchmark's load.
 */
export function writeMemoryReport(
  memory: MemoryPeaks,
  params: Record<string, unknown>,
  load: { readonly name: string; readonly description: string },
): void {
  const maxService = Math.max(...Object.values(memory.services));
  const metrics = {
    ...Object.fromEntries(
      Object.entries(memory.services).map(([k, v]) => [`${k}.peak_rss_mb`, Math.round(v)]),
    ),
    'kafka.peak_pss_mb': Math.round(memory.kafkaMb),
    'postgres.peak_pss_mb': Math.round(memory.postgresMb),
    'stack.peak_mb': Math.round(memory.stackMb),
    ...Object.fromEntries(
      Object.entries(memory.cpuSeconds).map(([k, v]) => [`${k}.cpu_s`, Math.round(v * 10) / 10]),
    ),
  };
  const ratios = {
    max_service_rss_mb: ratio(maxService, 200, false),
    stack_rss_mb: ratio(memory.stackMb, 4096, false),
  };
  const summary = `Memory under ${load.description}\n${Object.entries(metrics)
    .map(([k, v]) => `  ${k.padEnd(28)} ${v}`)
    .join('\n')}\n\n${formatRatios(ratios)}\n`;
  log(`\n${summary}`);
  log(`written to ${writeReport(buildReport(load.name, params, metrics, ratios), summary)}`);
}
