// `npm run bench:summary` (and after every `npm run bench…`): the latest result of each benchmark
// against its bar from ../shared/quality-bars.md, one table in bench/results/README.md, read from
// the results files alone. Each benchmark's own .md says how it ran; this says where the platform
// stands without opening ten files, and when each figure was measured (they are not from one run).
import fs from 'node:fs';
import path from 'node:path';
import { resultsDir, type BenchReport, type Ratio } from './report.ts';

interface Bar {
  readonly id: string;
  readonly what: string;
  readonly bench: string;
  readonly ratios: readonly string[];
}

export const bars: readonly Bar[] = [
  {
    id: 'P1',
    what: 'publish through the port vs the raw producer; the chosen client vs kafkajs',
    bench: 'kafka',
    ratios: ['port_vs_raw', 'platformatic_vs_kafkajs'],
  },
  {
    id: 'P2',
    what: 'single-event appends vs Emmett; 100-event batches vs raw COPY',
    bench: 'eventstore',
    ratios: ['append_vs_emmett', 'batch_vs_copy'],
  },
  {
    id: 'P3',
    what: 'outbox relay drain vs raw producer; commit → consumer p99 vs producing after commit',
    bench: 'eventstore',
    ratios: ['relay_drain_vs_raw', 'relay_p99_vs_direct'],
  },
  {
    id: 'P4',
    what: 'activity accepted → change on the stream, at 1,000 activities/s (p50, p99)',
    bench: 'e2e',
    ratios: ['freshness_p50_ms', 'freshness_p99_ms'],
  },
  {
    id: 'P5',
    what: 'bulk ingest, all services running, vs the COPY + raw producer floor',
    bench: 'ingest',
    ratios: ['ingest_vs_floor'],
  },
  {
    id: 'P6',
    what: 'drill-down at 10 M activities over HTTP vs naive SQL; vs DuckDB',
    bench: 'kpi',
    ratios: ['drilldown_vs_naive', 'drilldown_vs_duckdb'],
  },
  { id: 'P7', what: 'rebuild from the ledger vs a raw read', bench: 'kpi', ratios: ['rebuild_vs_raw_read'] },
  {
    id: 'P8',
    what: 'SSE fan-out to 5,000 connections vs raw node:http; memory per connection',
    bench: 'fanout',
    ratios: ['sse_vs_raw', 'memory_per_conn_vs_raw'],
  },
  {
    id: 'P9',
    what: 'peak RSS under the P5 load: the largest service; the whole stack',
    bench: 'memory',
    ratios: ['max_service_rss_mb', 'stack_rss_mb'],
  },
  {
    id: 'P10',
    what: 'one report per POST, 32 clients, vs raw node:http + pg; p99 vs raw',
    bench: 'command',
    ratios: ['command_vs_raw', 'command_p99_vs_raw'],
  },
];

const unitOf = (name: string) => (name.endsWith('_ms') ? ' ms' : name.endsWith('_mb') ? ' MB' : '×');

/** "0.83× (≥ 0.7) ✔": the value, its bar and whether it holds. */
export function verdict(name: string, ratio: Ratio | undefined): string {
  if (!ratio) return 'not in the results';
  const unit = unitOf(name);
  const value = `${ratio.value.toLocaleString('en')}${unit}`;
  if (ratio.bar === null) return value;
  const bar = `${ratio.higherIsBetter ? '≥' : '≤'} ${ratio.bar.toLocaleString('en')}${unit}`;
  return `${value} (${bar}) ${ratio.pass === true ? '✔' : '✖'}`;
}

function readReport(dir: string, name: string): BenchReport | undefined {
  const file = path.join(dir, `${name}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as BenchReport) : undefined;
}

interface FaultsReport {
  readonly at: string;
  readonly faults: readonly { readonly checks: readonly { readonly held: boolean }[] }[];
}

function faultsLine(dir: string): string {
  const file = path.join(dir, 'faults.json');
  if (!fs.existsSync(file)) return 'Fault suite (`npm run faults`): not run here yet.';
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as FaultsReport;
  const checks = report.faults.flatMap((f) => f.checks);
  const failed = checks.filter((c) => !c.held).length;
  return `Fault suite (\`npm run faults\`, ${report.at.slice(0, 10)}): ${report.faults.length} faults, ${checks.length} ledger checks, ${failed === 0 ? 'all held ✔' : `${failed} did not hold ✖`} ([faults.md](faults.md)).`;
}

/** The table, as markdown, from the results files in `dir`. */
export function summary(dir: string = resultsDir): string {
  const reports = new Map(bars.map((bar) => [bar.bench, readReport(dir, bar.bench)]));
  const rows = bars.map((bar) => {
    const report = reports.get(bar.bench);
    const results = bar.ratios.map((name) => verdict(name, report?.ratios[name])).join('; ');
    const ran = report
      ? `[${bar.bench}](${bar.bench}.md), ${report.at.slice(0, 10)}`
      : `${bar.bench}: not run yet`;
    return `| ${bar.id} | ${bar.what} | ${report ? results : '—'} | ${ran} |`;
  });
  const held = bars.filter((bar) =>
    bar.ratios.every((name) => reports.get(bar.bench)?.ratios[name]?.pass === true),
  ).length;
  return [
    '# Where the platform stands against its quality bars',
    '',
    'Written by `npm run bench:summary` (and after every `npm run bench…`) from the results files',
    'beside this one. Each figure is the latest run of its benchmark, on the machine and day shown;',
    'ratios are against a peer measured in the same run (`../shared/quality-bars.md`).',
    '',
    `${held} of ${bars.length} bars hold in the latest runs.`,
    '',
    '| bar | measures | latest (bar) | benchmark, run |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    faultsLine(dir),
    '',
  ].join('\n');
}

export function writeSummary(dir: string = resultsDir): string {
  const text = summary(dir);
  fs.writeFileSync(path.join(dir, 'README.md'), text);
  return text;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(writeSummary());
