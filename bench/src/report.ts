// Every benchmark writes bench/results/<name>.json in one shape (see ../shared/quality-bars.md)
// plus a human summary, so any script can read all of them the same way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Ratio {
  readonly value: number;
  /** null for a figure reported beside the bars without one of its own (pass is then null too). */
  readonly bar: number | null;
  readonly higherIsBetter: boolean;
  readonly pass: boolean | null;
}

export interface BenchReport {
  readonly name: string;
  readonly at: string;
  readonly node: string;
  readonly machine: { readonly cpus: number; readonly memGiB: number };
  readonly params: Record<string, unknown>;
  readonly metrics: Record<string, number>;
  readonly ratios: Record<string, Ratio>;
}

export const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'results');

export function ratio(value: number, bar: number, higherIsBetter = true): Ratio {
  const rounded = Math.round(value * 100) / 100;
  return { value: rounded, bar, higherIsBetter, pass: higherIsBetter ? value >= bar : value <= bar };
}

/** A figure the quality bars ask to see, without holding it to a bar. */
export function reported(value: number, decimals = 2): Ratio {
  const scale = 10 ** decimals;
  return { value: Math.round(value * scale) / scale, bar: null, higherIsBetter: true, pass: null };
}

export function buildReport(
  name: string,
  params: Record<string, unknown>,
  metrics: Record<string, number>,
  ratios: Record<string, Ratio>,
): BenchReport {
  return {
    name,
    at: new Date().toISOString(),
    node: process.version,
    machine: { cpus: os.cpus().length, memGiB: Math.round(os.totalmem() / 2 ** 30) },
    params,
    metrics,
    ratios,
  };
}

export function writeReport(report: BenchReport, summary: string): string {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${report.name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(resultsDir, `${report.name}.md`), summary);
  return file;
}

export function formatRatios(ratios: Record<string, Ratio>): string {
  return Object.entries(ratios)
    .map(([key, r]) => {
      const op = r.higherIsBetter ? '≥' : '≤';
      const mark = r.pass === null ? '·' : r.pass ? '✔' : '✖';
      const bar = r.bar === null ? 'reported' : `bar ${op} ${r.bar}`;
      return `  ${mark} ${key.padEnd(28)} ${r.value.toFixed(2).padStart(7)}  (${bar})`;
    })
    .join('\n');
}
