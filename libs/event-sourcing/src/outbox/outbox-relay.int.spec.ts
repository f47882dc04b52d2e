import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Messaging } from '@nhip/messaging';
import { readTopic } from '../reconciliation/read-topic.ts';
import { reconcile } from '../reconciliation/reconcile.ts';
import { eventually, startFixture, stopAllFixtures, uniqueTopic } from '@nhip/testing';
import pg from 'pg';
import { startEventConsumer } from '../consumer/event-consumer.ts';
import { PostgresEventStore } from '../event-store/postgres-event-store.ts';
import type { NewEvent, OutboxMessage } from '../event-store/types.ts';
import { appliedCounts, countingHandler } from '../fixtures/counting-handler.ts';
import { eventSourcingTestContext, fixturesDir, type TestContext } from '../fixtures/test-context.ts';
import { OutboxRelay } from './outbox-relay.ts';
import { pendingOutboxCount } from './relay-database.ts';

const fixtures = fixturesDir;

describe('outbox relay to a real Kafka broker', () => {
  let databaseUrl: string;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let messaging: Messaging;
  let context: TestContext;

  beforeAll(async () => {
    context = await eventSourcingTestContext('outbox_relay');
    ({ databaseUrl, pool, messaging } = context);
    store = new PostgresEventStore(pool);
  });
  afterEach(stopAllFixtures);
  afterAll(() => context.close());

  /** Appends `count` single-event commands, each with one integration event for `topic`. */
  async function appendWithOutbox(topic: string, count: number): Promise<OutboxMessage[]> {
    const messages: OutboxMessage[] = [];
    for (let i = 0; i < count; i++) {
      const event: NewEvent = {
        eventId: randomUUID(),
        type: 'ActivityLogged',
        data: { residentsHelped: i + 1 },
        metadata: { correlationId: randomUUID(), occurredAt: '2024-03-05T19:30:00.000Z' },
      };
      const message: OutboxMessage = {
        messageId: randomUUID(),
        topic,
        key: `2673${i % 3}`,
        type: 'vn.nhip.activity.logged.v1',
        source: '/nhip/activity',
        subject: `activity/${event.eventId}`,
        occurredAt: '2024-03-05T19:30:00.000Z',
        data: { residentsHelped: i + 1, note: 'Mỗi đêm 1 giờ' },
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      };
      await store.appendToStream(`activity-${event.eventId}`, 'no_stream', [event], [message]);
      messages.push(message);
    }
    return messages;
  }

  const unpublished = (topic: string): Promise<number> => pendingOutboxCount(pool, topic);

  const newRelay = (): OutboxRelay =>
    new OutboxRelay({ pool, connectionString: databaseUrl, publisher: messaging.publisher });

  it('publishes committed rows as CloudEvents in binary mode, key and body intact', async () => {
    const topic = uniqueTopic('relay');
    await messaging.admin.ensureTopics([{ name: topic, partitions: 3 }]);
    const relay = newRelay();
    await relay.start();
    try {
      const sent = await appendWithOutbox(topic, 5);
      await eventually(async () => (await unpublished(topic)) === 0);
      const received = await readTopic(messaging, topic);
      expect(received).toHaveLength(5);
      const first = received.find((m) => m.headers['ce_id'] === sent[0]?.messageId);
      expect(first?.key).toBe('26730');
      expect(first?.headers).toEqual({
        ce_specversion: '1.0',
        ce_id: sent[0]?.messageId,
        ce_type: 'vn.nhip.activity.logged.v1',
        ce_source: '/nhip/activity',
        ce_subject: sent[0]?.subject,
        ce_time: '2024-03-05T19:30:00.000Z',
        'content-type': 'application/json',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      });
      expect(JSON.parse(first?.value.toString() ?? '')).toEqual({
        residentsHelped: 1,
        note: 'Mỗi đêm 1 giờ',
      });
    } finally {
      await relay.stop();
    }
  });

  it('runs safely as two instances: one leads, nothing is sent twice, the standby takes over', async () => {
    const topic = uniqueTopic('two-relays');
    await messaging.admin.ensureTopics([{ name: topic, partitions: 3 }]);
    const [a, b] = [newRelay(), newRelay()];
    await a.start();
    await b.start();
    try {
      await appendWithOutbox(topic, 40);
      await eventually(async () => (await unpublished(topic)) === 0);
      expect([a.isLeader, b.isLeader].filter(Boolean)).toHaveLength(1);
      const leader = a.isLeader ? a : b;
      const standby = a.isLeader ? b : a;
      await leader.stop();
      await appendWithOutbox(topic, 10);
      await eventually(async () => (await unpublished(topic)) === 0, { timeoutMs: 10_000 });
      expect(standby.isLeader).toBe(true);
      const received = await readTopic(messaging, topic);
      expect(received).toHaveLength(50);
      expect(new Set(received.map((m) => m.headers['ce_id'])).size).toBe(50);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('sends a row held back behind another transaction soon after that one ends, without a NOTIFY', async () => {
    const topic = uniqueTopic('relay-held-back');
    await messaging.admin.ensureTopics([{ name: topic, partitions: 1 }]);
    // Polls so rare that only the held-back retry can send the row within the test.
    const relay = new OutboxRelay({
      pool,
      connectionString: databaseUrl,
      publisher: messaging.publisher,
      pollIntervalMs: 600_000,
    });
    await relay.start();
    const other = await pool.connect();
    try {
      // An xid taken and no outbox row: its commit wakes no relay (a consumer's batch elsewhere).
      await other.query('BEGIN');
      await other.query('SELECT pg_current_xact_id()');
      await appendWithOutbox(topic, 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(await unpublished(topic)).toBe(1);
      await other.query('COMMIT');
      // Well within the 600 s poll; the retry's wait doubles while nothing moves (5 ms, 10 ms, …),
      // so a stall of a few seconds on a busy machine puts the next look seconds later.
      await eventually(async () => (await unpublished(topic)) === 0, { timeoutMs: 10_000 });
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
      other.release();
      await relay.stop();
    }
  });

  it('does not skip a row whose transaction commits after a later one', async () => {
    const topic = uniqueTopic('relay-late-commit');
    await messaging.admin.ensureTopics([{ name: topic, partitions: 1 }]);
    const relay = newRelay();
    await relay.start();
    const slow = await pool.connect();
    try {
      await slow.query('BEGIN');
      const early = randomUUID();
      await new PostgresEventStore(slow).appendToStream(
        `slow-${early}`,
        'no_stream',
        [
          {
            eventId: early,
            type: 'ActivityLogged',
            data: {},
            metadata: { correlationId: early, occurredAt: '2024-03-05T19:30:00.000Z' },
          },
        ],
        [
          {
            messageId: early,
            topic,
            key: '1',
            type: 't',
            source: '/nhip/test',
            occurredAt: '2024-03-05T19:30:00.000Z',
            data: { early: true },
          },
        ],
      );
      const [later] = await appendWithOutbox(topic, 1);
      await new Promise((r) => setTimeout(r, 1500)); // the relay is awake and would have sent `later` by now
      // `later` is held back behind the open transaction (whose own row this count cannot see yet).
      expect(await unpublished(topic)).toBe(1);
      await slow.query('COMMIT');
      await eventually(async () => (await unpublished(topic)) === 0);
      const received = await readTopic(messaging, topic);
      expect(received.map((m) => m.headers['ce_id'])).toEqual([early, later?.messageId]);
    } finally {
      await slow.query('ROLLBACK').catch(() => undefined);
      slow.release();
      await relay.stop();
    }
  });

  it('reconnects when its database session is cut, and keeps publishing', async () => {
    const topic = uniqueTopic('relay-reconnect');
    await messaging.admin.ensureTopics([{ name: topic, partitions: 1 }]);
    const relay = newRelay();
    await relay.start();
    try {
      await appendWithOutbox(topic, 3);
      await eventually(async () => (await unpublished(topic)) === 0);
      const { rowCount } = await pool.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'nhip-outbox-relay'",
      );
      expect(rowCount).toBe(1);
      await appendWithOutbox(topic, 3);
      await eventually(async () => (await unpublished(topic)) === 0, { timeoutMs: 10_000 });
      expect(relay.isLeader).toBe(true);
      expect(new Set((await readTopic(messaging, topic)).map((m) => m.headers['ce_id'])).size).toBe(6);
    } finally {
      await relay.stop();
    }
  });

  it('re-sends after a kill -9 between the broker ack and marking, and the consumer applies once', async () => {
    const topic = uniqueTopic('relay-crash');
    const consumerName = `counting-${topic}`;
    await messaging.admin.ensureTopics([{ name: topic, partitions: 3 }]);
    const sent = await appendWithOutbox(topic, 20);

    const crashing = startFixture(path.join(fixtures, 'relay.fixture.ts'), {
      DATABASE_URL: databaseUrl,
      NHIP_FAILPOINTS: 'relay:after-publish',
    });
    expect((await crashing.exited).signal).toBe('SIGKILL');
    expect(crashing.output()).toContain('failpoint relay:after-publish');
    expect(await unpublished(topic)).toBe(20); // published, but never marked

    const restarted = startFixture(path.join(fixtures, 'relay.fixture.ts'), { DATABASE_URL: databaseUrl });
    await restarted.ready;
    await eventually(async () => (await unpublished(topic)) === 0);
    await restarted.stop();

    const onTopic = await readTopic(messaging, topic);
    expect(onTopic).toHaveLength(40); // every message twice: at-least-once, as designed
    const consumer = await startEventConsumer({
      name: consumerName,
      topics: [topic],
      pool,
      subscriber: messaging.subscriber,
      publisher: messaging.publisher,
      isKnownType: () => true,
      handle: countingHandler(consumerName),
    });
    try {
      await eventually(async () => (await appliedCounts(pool, consumerName)).size === 20);
      await eventually(async () => (await consumer.lag()) === 0n);
    } finally {
      await consumer.stop();
    }
    const counts = await appliedCounts(pool, consumerName);
    expect([...counts.keys()].sort()).toEqual(sent.map((m) => m.messageId).sort());
    expect([...counts.values()].every((times) => times === 1)).toBe(true);

    expect(
      await reconcile({ storeDb: pool, consumerDb: pool, messaging, topic, consumer: consumerName }),
    ).toEqual({
      committed: 20,
      unpublished: 0,
      messagesOnTopic: 40,
      distinctIdsOnTopic: 20,
      processed: 20,
    });
  });
});
