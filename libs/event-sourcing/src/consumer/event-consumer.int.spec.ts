import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readTopic } from '../reconciliation/read-topic.ts';
import type { Messaging, OutgoingMessage } from '@nhip/messaging';
import { eventFreshness } from '@nhip/telemetry';
import { eventually, startFixture, stopAllFixtures, uniqueTopic } from '@nhip/testing';
import pg from 'pg';
import { appliedCounts, countingHandler } from '../fixtures/counting-handler.ts';
import { eventSourcingTestContext, fixturesDir, type TestContext } from '../fixtures/test-context.ts';
import { deadLetterTopic } from '../dead-letters/dead-letter.ts';
import {
  startEventConsumer,
  type EventBatchHandler,
  type EventConsumerOptions,
  type RunningConsumer,
} from './event-consumer.ts';
import { processedCount } from './processed-store.ts';

const fixtures = fixturesDir;

const cloudEvent = (
  topic: string,
  id = randomUUID(),
  data: unknown = { residentsHelped: 2 },
): OutgoingMessage => ({
  topic,
  key: '26734',
  value: JSON.stringify(data),
  headers: {
    ce_specversion: '1.0',
    ce_id: id,
    ce_type: 'vn.nhip.activity.logged.v1',
    ce_source: '/nhip/activity',
  },
});

describe('idempotent consumers on a real broker and database', () => {
  let databaseUrl: string;
  let pool: pg.Pool;
  let messaging: Messaging;
  let context: TestContext;

  beforeAll(async () => {
    context = await eventSourcingTestContext('event_consumer');
    ({ databaseUrl, pool, messaging } = context);
  });
  afterEach(stopAllFixtures);
  afterAll(() => context.close());

  async function consume(
    topic: string,
    name: string,
    handle: EventBatchHandler = countingHandler(name),
    onDeadLetter?: EventConsumerOptions['onDeadLetter'],
  ): Promise<RunningConsumer> {
    return startEventConsumer({
      name,
      topics: [topic],
      pool,
      subscriber: messaging.subscriber,
      publisher: messaging.publisher,
      isKnownType: (type) => type === 'vn.nhip.activity.logged.v1',
      handle,
      retryDelayMs: 20,
      onDeadLetter,
    });
  }

  it('dead-letters malformed JSON, an unknown type and a missing ce_id, and keeps the partition flowing', async () => {
    const topic = uniqueTopic('poison');
    const name = `c-${topic}`;
    await messaging.admin.ensureTopics([{ name: topic, partitions: 1 }]);
    const good = [cloudEvent(topic), cloudEvent(topic), cloudEvent(topic)];
    const malformed: OutgoingMessage = { ...cloudEvent(topic), value: Buffer.from('{"residentsHelped": 2,') };
    const unknownType: OutgoingMessage = {
      ...cloudEvent(topic),
      headers: { ...cloudEvent(topic).headers, ce_type: 'vn.nhip.unknown.v9' },
    };
    const missingId: OutgoingMessage = {
      ...cloudEvent(topic),
      headers: Object.fromEntries(
        Object.entries(cloudEvent(topic).headers ?? {}).filter(([k]) => k !== 'ce_id'),
      ),
    };
    await messaging.publisher.publish([
      good[0],
      malformed,
      unknownType,
      missingId,
      good[1],
      good[2],
    ] as OutgoingMessage[]);

    const consumer = await consume(topic, name);
    try {
      await eventually(async () => (await appliedCounts(pool, name)).size === 3);
      await eventually(async () => (await consumer.lag()) === 0n);
    } finally {
      await consumer.stop();
    }
    const dead = await readTopic(messaging, deadLetterTopic(topic));
    expect(dead.map((m) => m.headers['dlt_reason'])).toEqual([
      'malformed_json',
      'unknown_event_type',
      'missing_ce_id',
    ]);
    expect(dead[0]?.value.toString()).toBe('{"residentsHelped": 2,'); // the original bytes, unchanged
    expect(dead[0]?.headers).toMatchObject({
      dlt_consumer: name,
      dlt_original_topic: topic,
      dlt_original_partition: '0',
      dlt_original_offset: '1',
      ce_id: malformed.headers?.['ce_id'],
    });
    expect(dead[0]?.headers['dlt_detail']).toMatch(/not UTF-8 JSON/);
    const applied = await appliedCounts(pool, name);
    expect([...applied.keys()].sort()).toEqual(good.map((m) => m.headers?.['ce_id']).sort());
  });

  it('creates its dead-letter topics before its first batch, where a broker would not create one', async () => {
    const topic = uniqueTopic('dead-letter-topic');
    await messaging.admin.ensureTopics([{ name: topic, partitions: 1 }]);
    const consumer = await startEventConsumer({
      name: `c-${topic}`,
      topics: [topic],
      pool,
      subscriber: messaging.subscriber,
      publisher: messaging.publisher,
      admin: messaging.admin,
      isKnownType: () => true,
      handle: countingHandler(`c-${topic}`),
    });
    try {
      // Nothing was set aside yet, so nothing but the consumer made it.
      expect(await messaging.admin.listTopics()).toContain(deadLetterTopic(topic));
    } finally {
      await consumer.stop();
    }
  });

  it('applies a message delivered several times once', async () => {
    const topic = uniqueTopic('duplicates');
    const name = `c-${topic}`;
    await messaging.admin.ensureTopics([{ name: topic, partitions: 3 }]);
    const once = cloudEvent(topic);
    const others = Array.from({ length: 9 }, () => cloudEvent(topic));
    await messaging.publisher.publish([once, ...others.slice(0, 4), once, ...others.slice(4), once]);
    const consumer = await consume(topic, name);
    try {
      await eventually(async () => (await appliedCounts(pool, name)).size === 10);
      await eventually(async () => (await consumer.lag()) === 0n);
    } finally {
      await consumer.stop();
    }
    const applied = await appliedCounts(pool, name);
    expect([...applied.values()].every((times) => times === 1)).toBe(true);
    expect(await processedCount(pool, name)).toBe(10);
    // Freshness is how late what was applied came: the two repeats, applied nothing, say nothing.
    const observed = (await eventFreshness.get()).values.find(
      (v) => v.metricName === 'nhip_event_freshness_seconds_count' && v.labels['stage'] === name,
    );
    expect(observed?.value).toBe(10);
  });

  it('retries a failing handler, then dead-letters only the message it cannot handle', async () => {
    const topic = uniqueTopic('handler-fails');
    const name = `c-${topic}`;
    await messaging.admin.ensureTopics([{ name: topic, partitions: 1 }]);
    const bad = cloudEvent(topic, randomUUID(), { residentsHelped: -1 });
    const good = [cloudEvent(topic), cloudEvent(topic)];
    await messaging.publisher.publish([good[0], bad, good[1]] as OutgoingMessage[]);
    let attemptsOnBad = 0;
    const counting = countingHandler(name);
    const consumer = await consume(topic, name, async (events, tx) => {
      if (events.some((e) => e.id === bad.headers?.['ce_id'])) {
        attemptsOnBad++;
        throw new Error('residentsHelped must be positive');
      }
      await counting(events, tx);
    });
    try {
      await eventually(async () => (await appliedCounts(pool, name)).size === 2);
      await eventually(async () => (await consumer.lag()) === 0n);
    } finally {
      await consumer.stop();
    }
    const dead = await readTopic(messaging, deadLetterTopic(topic));
    expect(dead).toHaveLength(1);
    expect(dead[0]?.headers).toMatchObject({
      dlt_reason: 'handler_failed',
      dlt_detail: 'residentsHelped must be positive',
    });
    expect(attemptsOnBad).toBe(6); // three with its batch, three alone
  });

  it('tells what it set aside, once each, in the transaction that moves past it', async () => {
    const topic = uniqueTopic('set-aside');
    const name = `c-${topic}`;
    await messaging.admin.ensureTopics([{ name: topic, partitions: 1 }]);
    await pool.query('CREATE TABLE IF NOT EXISTS set_aside (consumer text, event_id text, reason text)');
    const malformed: OutgoingMessage = { ...cloudEvent(topic), value: Buffer.from('{"residentsHelped": 2,') };
    const bad = cloudEvent(topic, randomUUID(), { residentsHelped: -1 });
    const good = [cloudEvent(topic), cloudEvent(topic)];
    await messaging.publisher.publish([good[0], malformed, bad, good[1]] as OutgoingMessage[]);
    const counting = countingHandler(name);
    const failsOnBad: EventBatchHandler = async (events, tx) => {
      if (events.some((e) => e.id === bad.headers?.['ce_id']))
        throw new Error('residentsHelped must be positive');
      await counting(events, tx);
    };
    const consumer = await consume(topic, name, failsOnBad, async (letters, tx) => {
      for (const { message, reason } of letters)
        await tx.query('INSERT INTO set_aside VALUES ($1, $2, $3)', [name, message.headers['ce_id'], reason]);
    });
    try {
      await eventually(async () => (await appliedCounts(pool, name)).size === 2);
      await eventually(async () => (await consumer.lag()) === 0n);
    } finally {
      await consumer.stop();
    }
    // The batch was tried three times with the poison in it: each try's answer rolled back with it.
    const { rows } = await pool.query(
      'SELECT event_id, reason FROM set_aside WHERE consumer = $1 ORDER BY reason',
      [name],
    );
    expect(rows).toEqual([
      { event_id: bad.headers?.['ce_id'], reason: 'handler_failed' },
      { event_id: malformed.headers?.['ce_id'], reason: 'malformed_json' },
    ]);
  });

  describe.each([
    ['before its database commit', 'consumer:before-db-commit'],
    ['after its database commit, before the Kafka commit', 'consumer:after-db-commit'],
  ])('killed with SIGKILL %s', (_when, failpoint) => {
    it('applies every event exactly once after a restart', async () => {
      const topic = uniqueTopic('consumer-crash');
      const name = `c-${topic}`;
      await messaging.admin.ensureTopics([{ name: topic, partitions: 3 }]);
      const sent = Array.from({ length: 30 }, () => cloudEvent(topic));
      await messaging.publisher.publish(sent);
      const env = { DATABASE_URL: databaseUrl, TOPIC: topic, CONSUMER_NAME: name };

      const crashing = startFixture(path.join(fixtures, 'counting-consumer.fixture.ts'), {
        ...env,
        NHIP_FAILPOINTS: failpoint,
      });
      expect((await crashing.exited).signal).toBe('SIGKILL');
      const afterCrash = await appliedCounts(pool, name);
      if (failpoint === 'consumer:before-db-commit') expect(afterCrash.size).toBe(0);
      else expect(afterCrash.size).toBeGreaterThan(0);

      const restarted = startFixture(path.join(fixtures, 'counting-consumer.fixture.ts'), env);
      await restarted.ready;
      await eventually(async () => (await appliedCounts(pool, name)).size === 30, { timeoutMs: 30_000 });
      await new Promise((r) => setTimeout(r, 1000)); // room for a wrongly repeated batch to show up
      await restarted.stop();

      const applied = await appliedCounts(pool, name);
      expect([...applied.keys()].sort()).toEqual(sent.map((m) => m.headers?.['ce_id']).sort());
      expect([...applied.values()].every((times) => times === 1)).toBe(true);
    });
  });
});
