// What bench:eventstore writes: metrics, ratios against their bars, and the human summary.
import { buildReport, formatRatios, ratio, writeReport } from '../report.ts';
import { median } from '../stats.ts';
import type { Latency } from './relay.ts';

export interface Measurements {
  readonly single: Record<string, number>;
  readonly batches: Record<string, number>;
  readonly drain: { relay: number; raw: number };
  readonly load: number;
  readonly viaRelay: Latency;
  readonly direct: Latency;
}

export function writeResults(
  params: Record<string, unknown>,
  { single, batches, drain, load, viaRelay, direct }: Measurements,
): void {
  const metrics = {
    'ours.appends_per_s': single['ours'] ?? 0,
    'emmett.appends_per_s': single['emmett'] ?? 0,
    'ours.batch_events_per_s': batches['ours'] ?? 0,
    'copy.batch_events_per_s': batches['copy'] ?? 0,
    'relay.drain_msgs_per_s': Math.round(drain.relay),
    'raw_producer.msgs_per_s': Math.round(drain.raw),
    latency_load_per_s: load,
    'relay.latency_achieved_per_s': Math.round(viaRelay.perSecond),
    'direct.latency_achieved_per_s': Math.round(direct.perSecond),
    'relay.latency_p50_ms': round2(viaRelay.p50),
    'relay.latency_p99_ms': round2(viaRelay.p99),
    'direct.latency_p50_ms': round2(direct.p50),
    'direct.latency_p99_ms': round2(direct.p99),
  };
  const ratios = {
    append_vs_emmett: ratio(metrics['ours.appends_per_s'] / metrics['emmett.appends_per_s'], 1.0),
    batch_vs_copy: ratio(metrics['ours.batch_events_per_s'] / metrics['copy.batch_events_per_s'], 0.3),
    relay_drain_vs_raw: ratio(drain.relay / drain.raw, 0.5),
    relay_p99_vs_direct: ratio(viaRelay.p99 / direct.p99, 3, false),
  };
  const lines = Object.entries(metrics).map(([k, v]) => `  ${k.padEnd(26)} ${v.toLocaleString('en')}`);
  const summary = `Event store and outbox relay (PostgreSQL + Kafka, one run)\n${lines.join('\n')}\n\n${formatRatios(ratios)}\n`;
  const file = writeReport(buildReport('eventstore', params, metrics, ratios), summary);
  process.stdout.write(`\n${summary}\nSaved ${file}\n`);
}

export function medianLatency(rounds: readonly Latency[]): Latency {
  const p = (pick: (l: Latency) => number): number => median(rounds.map(pick));
  return {
    p50: p((l) => l.p50),
    p99: p((l) => l.p99),
    samples: p((l) => l.samples),
    perSecond: p((l) => l.perSecond),
  };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
