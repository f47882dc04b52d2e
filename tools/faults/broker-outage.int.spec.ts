// The broker `kill -9`ed for several seconds under a running consumer and relay, then restarted:
// nothing crashes, every message (published before, written to the outbox during, and after)
// is applied exactly once, and the outage is reported once per episode, not once per retry.
// This stops and restarts the int tier's shared broker; the tier runs in band, so no other test
// is using it meanwhile.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  migrateEventStore,
  OutboxRelay,
  pendingOutboxCount,
  PostgresEventStore,
  startEventConsumer,
  type IncomingEvent,
  type OutboxMessage,
  type RunningConsumer,
} from '@nhip/event-sourcing';
import { brokerCheck, createMessaging, type Messaging } from '@nhip/messaging';
import { eventually, kafkaBrokers, testDatabase, uniqueTopic } from '@nhip/testing';
import pg from 'pg';
import { ensureKafka, killKafka } from '../infra/kafka.ts';

const type = 'vn.nhip.activity.logged.v1';
const outageMs = 6_000;

/** Restarts this worktree's broker; the runner's KAFKA_BROKERS would make ensureKafka only look. */
async function restartKafka(): Promise<void> {
  const external = process.env['KAFKA_BROKERS'];
  delete process.env['KAFKA_BROKERS'];
  try {
    await ensureKafka();
  } finally {
    if (external !== undefined) process.env['KAFKA_BROKERS'] = external;
  }
}

describe('a broker outage under a running consumer and relay', () => {
  const unhandled: unknown[] = [];
  const recordUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  const reported: { who: string; context: string }[] = [];
  let databaseUrl: string;
  let pool: pg.Pool;
  let messaging: Messaging;
  let store: PostgresEventStore;

  beforeAll(async () => {
    process.on('unhandledRejection', recordUnhandled);
    databaseUrl = await testDatabase('broker_outage');
    pool = new pg.Pool({ connectionString: databaseUrl, max: 6 });
    await migrateEventStore(pool);
    await pool.query('CREATE TABLE IF NOT EXISTS outage_applied (id text PRIMARY KEY, times int NOT NULL)');
    await pool.query(
      'TRUNCATE es_events, es_streams, es_outbox, es_relay_checkpoints, es_processed_events, es_consumer_offsets, outage_applied',
    );
    messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'broker-outage-test' });
    store = new PostgresEventStore(pool);
  });
  afterAll(async () => {
    process.off('unhandledRejection', recordUnhandled);
    await messaging.close();
    await pool.end();
  });

  const countApplied = async (events: readonly IncomingEvent[], tx: pg.PoolClient): Promise<void> => {
    await tx.query(
      `INSERT INTO outage_applied (id, times) SELECT unnest($1::text[]), 1
       ON CONFLICT (id) DO UPDATE SET times = outage_applied.times + 1`,
      [events.map((e) => e.id)],
    );
  };

  async function write(topic: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const message: OutboxMessage = {
        messageId: randomUUID(),
        topic,
        key: `2673${i % 3}`,
        type,
        source: '/nhip/activity',
        subject: 'activity/outage',
        occurredAt: '2026-12-03T10:00:00.000Z',
        data: { residentsHelped: i + 1 },
      };
      const eventId = randomUUID();
      const event = {
        eventId,
        type: 'ActivityLogged',
        data: {},
        metadata: { correlationId: eventId, occurredAt: '2026-12-03T10:00:00.000Z' },
      };
      await store.appendToStream(`activity-${eventId}`, 'no_stream', [event], [message]);
      ids.push(message.messageId);
    }
    return ids;
  }

  async function appliedTimes(): Promise<Map<string, number>> {
    const { rows } = await pool.query<{ id: string; times: number }>('SELECT id, times FROM outage_applied');
    return new Map(rows.map((r) => [r.id, r.times]));
  }

  const allApplied = async (ids: readonly string[]): Promise<boolean> => {
    const applied = await appliedTimes();
    return ids.every((id) => applied.has(id));
  };

  it('keeps both running through kill -9 and a restart: each message applied once, one report per episode', async () => {
    const topic = uniqueTopic('outage');
    await messaging.admin.ensureTopics([{ name: topic, partitions: 3 }]);
    const report = (who: string) => (_error: unknown, context?: string) =>
      reported.push({ who, context: context ?? '' });
    const group = `outage-${randomUUID()}`;
    const consumer: RunningConsumer = await startEventConsumer({
      name: group,
      topics: [topic],
      pool,
      subscriber: messaging.subscriber,
      publisher: messaging.publisher,
      isKnownType: (t) => t === type,
      handle: countApplied,
      onError: report('consumer'),
    });
    const relay = new OutboxRelay({
      pool,
      connectionString: databaseUrl,
      publisher: messaging.publisher,
      onError: report('relay'),
    });
    await relay.start();
    const broker = brokerCheck(consumer, relay.publishing);
    try {
      const before = await write(topic, 20);
      await eventually(() => allApplied(before), { timeoutMs: 30_000 });
      expect(await broker.check()).toBeUndefined();
      const membersBefore = await messaging.admin.groupMembers(group);

      expect(await killKafka()).toBe(true);
      const outageStarted = Date.now();
      const during = await write(topic, 20);
      // Writes land in the outbox while the broker is away, and readiness says what is missing.
      const problem = await eventually(() => broker.check(), { timeoutMs: 30_000 });
      expect(problem).toMatch(/kafka consumer|outbox relay publishing/);
      expect(await pendingOutboxCount(pool, topic)).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, Math.max(0, outageMs - (Date.now() - outageStarted))));
      const moreDuring = await write(topic, 5);

      await restartKafka();
      const after = await write(topic, 20);
      const everything = [...before, ...during, ...moreDuring, ...after];
      await eventually(() => allApplied(everything), { timeoutMs: 90_000, intervalMs: 200 });
      await eventually(async () => (await broker.check()) === undefined, { timeoutMs: 30_000 });
      // The consumer came back as the member it was (static membership), not as a second member
      // waiting for the first one's session to run out.
      expect(membersBefore).toHaveLength(1);
      expect(membersBefore[0]?.instanceId).toEqual(expect.any(String));
      const membersAfter = await messaging.admin.groupMembers(group);
      expect(membersAfter.map((m) => m.instanceId)).toEqual([membersBefore[0]?.instanceId]);

      const applied = await appliedTimes();
      expect([...applied.keys()].sort()).toEqual([...everything].sort());
      expect([...applied.values()].every((times) => times === 1)).toBe(true);
      expect(await pendingOutboxCount(pool, topic)).toBe(0);
      expect(unhandled).toEqual([]);
      // Each side noticed the outage, and said so a bounded number of times, not once per retry.
      expect(reported.filter((r) => r.who === 'consumer').length).toBeGreaterThanOrEqual(1);
      expect(reported.filter((r) => r.who === 'relay').length).toBeGreaterThanOrEqual(1);
      // Seen: one line each. Allowed: an offset commit cut off by the kill, reported on its own.
      expect(reported.length).toBeLessThanOrEqual(4);
    } finally {
      await relay.stop();
      await consumer.stop();
      await restartKafka(); // a failed run must not leave the tier without its broker
    }
    // The waits above allow up to ~200 s (the broker's restart, then the consumer back in its group
    // on a busy machine); the tiers' 90 s default cut a CI run off at 90 s where others took 30 s.
  }, 240_000);
});
