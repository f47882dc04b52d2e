// P1 publish path: our messaging port against the raw @platformatic/kafka producer it wraps, and
// that client against kafkajs, all at acks=all in batches of 100, measured in one run.
import { Producer, ProduceAcks } from '@platformatic/kafka';
import { createMessaging, type Publisher } from '@nhip/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { cleanUp, removeTopics } from './cleanup.ts';
import { buildMessages, type BenchMessage } from './activity-messages.ts';
import { buildReport, formatRatios, ratio, writeReport, type Ratio } from './report.ts';
import { median, percentile } from './stats.ts';

interface Contender {
  readonly name: string;
  send(batch: readonly BenchMessage[]): Promise<void>;
  close(): Promise<void>;
}

const params = {
  batchSize: Number(process.env['BENCH_BATCH'] ?? 100),
  roundMs: Number(process.env['BENCH_ROUND_MS'] ?? 5000),
  rounds: Number(process.env['BENCH_ROUNDS'] ?? 3),
  inFlight: Number(process.env['BENCH_IN_FLIGHT'] ?? 1),
  partitions: 3,
  acks: 'all',
  idempotent: true,
  messageBytes: '300-500',
};

const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',').filter(Boolean);
const topic = `bench.kafka.${Date.now()}`;

function rawPlatformatic(): Contender {
  const producer = new Producer({
    clientId: 'bench-raw-platformatic',
    bootstrapBrokers: brokers,
    idempotent: true,
    acks: ProduceAcks.ALL,
  });
  return {
    name: 'platformatic_raw',
    send: async (batch) => {
      await producer.send({
        messages: batch.map((m) => ({
          topic,
          key: Buffer.from(m.key),
          value: m.value,
          headers: new Map(Object.entries(m.headers).map(([k, v]) => [Buffer.from(k), Buffer.from(v)])),
        })),
      });
    },
    close: () => producer.close(),
  };
}

function rawKafkajs(): Contender {
  const kafka = new Kafka({ clientId: 'bench-raw-kafkajs', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ idempotent: true, allowAutoTopicCreation: true });
  let connected: Promise<void> | undefined;
  return {
    name: 'kafkajs_raw',
    send: async (batch) => {
      connected ??= producer.connect();
      await connected;
      await producer.send({
        topic,
        acks: -1,
        messages: batch.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      });
    },
    close: () => producer.disconnect(),
  };
}

function port(publisher: Publisher): Contender {
  return {
    name: 'port',
    send: (batch) =>
      publisher.publish(batch.map((m) => ({ topic, key: m.key, value: m.value, headers: m.headers }))),
    close: () => Promise.resolve(),
  };
}

/** `inFlight` loops each send one batch at a time for `ms`; returns msgs/s and batch latencies. */
async function measure(
  contender: Contender,
  pool: readonly BenchMessage[],
  ms: number,
): Promise<{ rate: number; latencies: number[] }> {
  const latencies: number[] = [];
  let sent = 0;
  const started = performance.now();
  const deadline = started + ms;
  const loop = async (offset: number): Promise<void> => {
    let cursor = offset;
    while (performance.now() < deadline) {
      const from = cursor % (pool.length - params.batchSize);
      const t0 = performance.now();
      await contender.send(pool.slice(from, from + params.batchSize));
      latencies.push(performance.now() - t0);
      sent += params.batchSize;
      cursor += params.batchSize;
    }
  };
  await Promise.all(Array.from({ length: params.inFlight }, (_, i) => loop(i * 997)));
  return { rate: sent / ((performance.now() - started) / 1000), latencies };
}

function summarise(
  contenders: readonly Contender[],
  rates: Map<string, number[]>,
  latencies: Map<string, number[]>,
): { metrics: Record<string, number>; ratios: Record<string, Ratio> } {
  const metrics: Record<string, number> = {};
  for (const c of contenders) {
    metrics[`${c.name}.msgs_per_s`] = Math.round(median(rates.get(c.name) ?? []));
    metrics[`${c.name}.p99_ms`] = Math.round(percentile(latencies.get(c.name) ?? [], 99) * 100) / 100;
  }
  const rate = (name: string): number => metrics[`${name}.msgs_per_s`] ?? Number.NaN;
  const ratios = {
    port_vs_raw: ratio(rate('port') / rate('platformatic_raw'), 0.8),
    platformatic_vs_kafkajs: ratio(rate('platformatic_raw') / rate('kafkajs_raw'), 1.3),
  };
  return { metrics, ratios };
}

async function main(): Promise<void> {
  if (brokers.length === 0)
    throw new Error('KAFKA_BROKERS is unset: run this through "npm run bench:kafka".');
  const messaging = createMessaging({ brokers, clientId: 'bench-port' });
  const contenders = [rawPlatformatic(), rawKafkajs(), port(messaging.publisher)];
  try {
    await messaging.admin.ensureTopics([{ name: topic, partitions: params.partitions }]);
    writeSummary(contenders, await race(contenders));
  } finally {
    await cleanUp([
      ...contenders.map((c) => () => c.close()),
      () => removeTopics(messaging.admin, topic),
      () => messaging.close(),
    ]);
  }
}

/** Interleaved rounds so a noisy neighbour hurts every contender alike. */
async function race(
  contenders: readonly Contender[],
): Promise<{ rates: Map<string, number[]>; latencies: Map<string, number[]> }> {
  const pool = buildMessages(5000);
  process.stderr.write(`Kafka publish benchmark on ${brokers.join(',')} — topic ${topic}\n`);
  for (const c of contenders) {
    for (let i = 0; i < 30; i++) await c.send(pool.slice(i * 100, i * 100 + params.batchSize)); // warm-up
  }
  const rates = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  const latencies = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let round = 1; round <= params.rounds; round++) {
    for (const c of contenders) {
      const result = await measure(c, pool, params.roundMs);
      rates.get(c.name)?.push(result.rate);
      latencies.get(c.name)?.push(...result.latencies);
      process.stderr.write(
        `  round ${round}/${params.rounds} ${c.name.padEnd(17)} ${Math.round(result.rate).toLocaleString('en')} msgs/s\n`,
      );
    }
  }
  return { rates, latencies };
}

function writeSummary(
  contenders: readonly Contender[],
  { rates, latencies }: { rates: Map<string, number[]>; latencies: Map<string, number[]> },
): void {
  const { metrics, ratios } = summarise(contenders, rates, latencies);
  const report = buildReport('kafka', params, metrics, ratios);
  const table = contenders
    .map(
      (c) =>
        `  ${c.name.padEnd(17)} ${String(metrics[`${c.name}.msgs_per_s`]).padStart(8)} msgs/s   p99 ${metrics[`${c.name}.p99_ms`]} ms per batch`,
    )
    .join('\n');
  const summary = `Kafka publish (acks=all, idempotent, batch ${params.batchSize}, ${params.inFlight} in flight, median of ${params.rounds} × ${params.roundMs / 1000} s)\n${table}\n\n${formatRatios(ratios)}\n`;
  const file = writeReport(report, summary);
  process.stdout.write(`\n${summary}\nSaved ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`✖ ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
