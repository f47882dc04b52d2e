// P3: the outbox relay's drain rate against a raw producer loop, and commit→consumer latency at
// half of the maximum load against producing directly after the commit.
import { randomUUID } from 'node:crypto';
import { Producer, ProduceAcks } from '@platformatic/kafka';
import {
  OutboxRelay,
  pendingOutboxCount,
  PostgresEventStore,
  toKafkaMessage,
  type OutboxMessage,
  type OutboxRow,
} from '@nhip/event-sourcing';
import type { BatchHandler, Messaging } from '@nhip/messaging';
import type pg from 'pg';
import { percentile } from '../stats.ts';
import { activityEvent, activityMessage } from './fixtures.ts';
import { openLoop } from './open-loop.ts';

export interface RelayContext {
  readonly pool: pg.Pool;
  readonly connectionString: string;
  readonly messaging: Messaging;
  readonly brokers: string[];
  /** Every topic of this run starts with it, so the run can delete them all at the end. */
  readonly topicPrefix: string;
}

const newTopic = async (ctx: RelayContext, purpose: string): Promise<string> => {
  const topic = `${ctx.topicPrefix}${purpose}.${Date.now()}`;
  await ctx.messaging.admin.ensureTopics([{ name: topic, partitions: 3 }]);
  return topic;
};

async function waitUntilDrained(pool: pg.Pool): Promise<void> {
  while ((await pendingOutboxCount(pool)) > 0) await new Promise((r) => setTimeout(r, 5));
}

/** Rows waiting in the outbox, appended 100 to a command; returns them as Kafka would carry them. */
async function prefill(ctx: RelayContext, topic: string, count: number): Promise<OutboxMessage[]> {
  const store = new PostgresEventStore(ctx.pool);
  const all: OutboxMessage[] = [];
  for (let i = 0; i < count; i += 100) {
    const events = Array.from({ length: 100 }, (_, j) => activityEvent(i + j));
    const outbox = events.map((e) => activityMessage(e, topic));
    await store.appendToStream(`prefill-${randomUUID()}`, 'no_stream', events, outbox);
    all.push(...outbox);
  }
  return all;
}

export async function measureDrain(
  ctx: RelayContext,
  count: number,
): Promise<{ relay: number; raw: number }> {
  await waitUntilDrained(ctx.pool);
  const topic = await newTopic(ctx, 'relay-drain');
  const messages = await prefill(ctx, topic, count);
  const relay = new OutboxRelay({
    pool: ctx.pool,
    connectionString: ctx.connectionString,
    publisher: ctx.messaging.publisher,
  });
  const t0 = performance.now();
  await relay.start();
  await waitUntilDrained(ctx.pool);
  const relayRate = count / ((performance.now() - t0) / 1000);
  await relay.stop();

  // The same messages, byte for byte (CloudEvents headers included), straight from memory through
  // the raw client, in the same batch size: what the relay would reach if reading cost nothing.
  const producer = new Producer({
    clientId: 'bench-raw-drain',
    bootstrapBrokers: ctx.brokers,
    idempotent: true,
    acks: ProduceAcks.ALL,
  });
  const rawTopic = await newTopic(ctx, 'raw-drain');
  const encoded = messages.map((m) => {
    const kafka = toKafkaMessage(asOutboxRow(m, rawTopic));
    return {
      topic: rawTopic,
      key: Buffer.from(kafka.key ?? ''),
      value: Buffer.from(kafka.value as string),
      headers: new Map(Object.entries(kafka.headers ?? {}).map(([k, v]) => [Buffer.from(k), Buffer.from(v)])),
    };
  });
  const t1 = performance.now();
  for (let i = 0; i < encoded.length; i += relayBatch) {
    await producer.send({ messages: encoded.slice(i, i + relayBatch) });
  }
  const rawRate = count / ((performance.now() - t1) / 1000);
  await producer.close();
  return { relay: relayRate, raw: rawRate };
}

export interface Latency {
  readonly p50: number;
  readonly p99: number;
  readonly samples: number;
  /** The commit rate actually reached. */
  readonly perSecond: number;
}

/**
 * Appends at `perSecond` for `ms` (open loop, ticks of 20 ms) and measures commit → consumer.
 * `viaOutbox` writes the message with the events and lets the relay carry it; otherwise the
 * message is produced by the writer right after its commit.
 */
export async function measureLatency(
  ctx: RelayContext,
  perSecond: number,
  ms: number,
  viaOutbox: boolean,
): Promise<Latency> {
  const topic = await newTopic(ctx, viaOutbox ? 'latency-outbox' : 'latency-direct');
  const store = new PostgresEventStore(ctx.pool);
  const committedAt = new Map<string, number>();
  const receivedAt = new Map<string, number>();
  const subscription = await ctx.messaging.subscriber.subscribe(
    { groupId: `bench-${topic}`, topics: [topic], startFrom: 'earliest' },
    arrivals(receivedAt),
  );
  const relay = viaOutbox
    ? new OutboxRelay({
        pool: ctx.pool,
        connectionString: ctx.connectionString,
        publisher: ctx.messaging.publisher,
      })
    : undefined;
  await relay?.start();
  await new Promise((r) => setTimeout(r, 2000)); // let the consumer join its group before load starts

  const writeOne = async (i: number): Promise<void> => {
    const event = activityEvent(i);
    const message = activityMessage(event, topic);
    await store.appendToStream(`lat-${event.eventId}`, 'no_stream', [event], viaOutbox ? [message] : []);
    committedAt.set(message.messageId, performance.now());
    // The very message the relay would send, headers included, so both paths carry the same bytes.
    if (!viaOutbox) await ctx.messaging.publisher.publish([toKafkaMessage(asOutboxRow(message, topic))]);
  };
  const seconds = await openLoop(8, perSecond, ms, writeOne);
  const achieved = committedAt.size / seconds;
  const expected = committedAt.size;
  const waitUntil = performance.now() + 30_000;
  while (receivedAt.size < expected && performance.now() < waitUntil)
    await new Promise((r) => setTimeout(r, 50));
  await relay?.stop();
  await subscription.stop();
  const latencies = [...committedAt]
    .map(([id, at]) => Math.max(0, (receivedAt.get(id) ?? Number.NaN) - at))
    .filter(Number.isFinite);
  if (latencies.length < expected)
    throw new Error(`Only ${latencies.length} of ${expected} messages arrived.`);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    samples: latencies.length,
    perSecond: achieved,
  };
}

/** Notes when each message (by ce_id) reached the consumer. */
function arrivals(receivedAt: Map<string, number>): BatchHandler {
  return async (batch, commit) => {
    const now = performance.now();
    for (const m of batch) receivedAt.set(m.headers['ce_id'] ?? '', now);
    await commit(batch);
  };
}

/** The relay's batch size: the raw loop sends batches of the same size. */
const relayBatch = 1000;

function asOutboxRow(m: OutboxMessage, topic: string): OutboxRow {
  return {
    id: '0',
    message_id: m.messageId,
    topic,
    message_key: m.key,
    type: m.type,
    source: m.source,
    subject: m.subject ?? null,
    occurred_at: new Date(m.occurredAt).toISOString(),
    data: JSON.stringify(m.data),
    traceparent: m.traceparent ?? null,
  };
}
