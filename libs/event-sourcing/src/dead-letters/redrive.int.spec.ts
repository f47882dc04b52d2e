// A release that did not know an event type set it aside; the next release knows it. The re-drive
// sends it back on the real broker: the group that set it aside applies it once, the group that had
// applied it skips it, unreadable bytes stay, and a second re-drive sends nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Messaging, OutgoingMessage, ReceivedMessage } from '@nhip/messaging';
import { eventually, uniqueTopic } from '@nhip/testing';
import type pg from 'pg';
import { startEventConsumer, type RunningConsumer } from '../consumer/event-consumer.ts';
import { appliedCounts, countingHandler } from '../fixtures/counting-handler.ts';
import { eventSourcingTestContext, type TestContext } from '../fixtures/test-context.ts';
import { readTopic } from '../reconciliation/read-topic.ts';
import type { DeadLetter } from './dead-letter-record.ts';
import { deadLetterTopic } from './dead-letter.ts';
import { summarizeDeadLetters } from './redrive-plan.ts';
import { readDeadLetters, redriveDeadLetters } from './redrive.ts';

const logged = 'vn.nhip.activity.logged.v1';
const corrected = 'vn.nhip.activity.corrected.v1';

const cloudEvent = (topic: string, type: string, value = '{"residentsHelped": 2}'): OutgoingMessage => ({
  topic,
  key: '26734',
  value,
  headers: { ce_specversion: '1.0', ce_id: randomUUID(), ce_type: type, ce_source: '/nhip/activity' },
});

describe('re-driving dead letters on a real broker and database', () => {
  let pool: pg.Pool;
  let messaging: Messaging;
  let context: TestContext;

  beforeAll(async () => {
    context = await eventSourcingTestContext('redrive');
    ({ pool, messaging } = context);
  });
  afterAll(() => context.close());

  const consume = (topic: string, name: string, types: readonly string[]): Promise<RunningConsumer> =>
    startEventConsumer({
      name,
      topics: [topic],
      pool,
      subscriber: messaging.subscriber,
      publisher: messaging.publisher,
      isKnownType: (type) => types.includes(type),
      handle: countingHandler(name),
      retryDelayMs: 20,
    });

  const drained = async (...consumers: RunningConsumer[]): Promise<void> => {
    for (const consumer of consumers) await eventually(async () => (await consumer.lag()) === 0n);
  };

  it('sends back what the new release takes, once, and leaves unreadable bytes', async () => {
    const topic = uniqueTopic('redrive');
    const [kpi, projection] = [`kpi-${topic}`, `projection-${topic}`];
    await messaging.admin.ensureTopics([{ name: topic, partitions: 1 }]);
    const [first, fix, broken] = [
      cloudEvent(topic, logged),
      cloudEvent(topic, corrected),
      cloudEvent(topic, logged, '{"residentsHelped": 2,'),
    ];
    await messaging.publisher.publish([first, fix, broken]);
    const idOf = (m: OutgoingMessage): string => m.headers?.['ce_id'] ?? '';

    const oldRelease = await consume(topic, kpi, [logged]);
    const other = await consume(topic, projection, [logged, corrected]);
    await drained(oldRelease, other);
    await oldRelease.stop();
    await eventually(async () => (await readTopic(messaging, deadLetterTopic(topic))).length === 3);
    expect([...(await appliedCounts(pool, kpi)).keys()]).toEqual([idOf(first)]);

    const read = await readDeadLetters(messaging, [deadLetterTopic(topic)]);
    const dryRun = await redriveDeadLetters(messaging, read, { consumer: kpi }, { apply: false });
    expect(dryRun.send.map((l) => l.eventType)).toEqual([corrected]);
    expect(dryRun.left.map((l) => l.reason)).toEqual(['malformed_json']);
    expect(await readTopic(messaging, topic)).toHaveLength(3); // the dry run sent nothing

    const newRelease = await consume(topic, kpi, [logged, corrected]);
    try {
      await redriveDeadLetters(messaging, read, { consumer: kpi }, { apply: true });
      await eventually(async () => (await appliedCounts(pool, kpi)).get(idOf(fix)) === 1);
      await drained(newRelease, other);
    } finally {
      await newRelease.stop();
      await other.stop();
    }
    const onTopic = await readTopic(messaging, topic);
    expect(onTopic).toHaveLength(4);
    const [letter] = dryRun.send as [DeadLetter];
    const sentBack = (onTopic[3] as ReceivedMessage).headers;
    expect(sentBack).toMatchObject({
      ce_id: idOf(fix),
      nhip_redriven_from: `${letter.topic}/${letter.partition}@${letter.offset}`,
    });
    expect(Object.keys(sentBack).filter((h) => h.startsWith('dlt_'))).toEqual([]);
    expect(Object.fromEntries(await appliedCounts(pool, kpi))).toEqual({ [idOf(first)]: 1, [idOf(fix)]: 1 });
    expect(Object.fromEntries(await appliedCounts(pool, projection))).toEqual({
      [idOf(first)]: 1,
      [idOf(fix)]: 1,
    });

    const after = await readDeadLetters(messaging, [deadLetterTopic(topic)]);
    expect(after.markers.map((m) => [m.consumer, Object.fromEntries(m.through)])).toEqual([
      [kpi, { [letter.partition]: letter.offset }],
    ]);
    const again = await redriveDeadLetters(messaging, after, { consumer: kpi }, { apply: true });
    expect(again.send).toEqual([]);
    const lines = summarizeDeadLetters(after).map((g) => [
      g.consumer,
      g.reason,
      g.count,
      g.waiting,
      g.redriven,
    ]);
    expect(lines).toEqual([
      [kpi, 'malformed_json', 1, 0, 0],
      [kpi, 'unknown_event_type', 1, 0, 1],
      [projection, 'malformed_json', 1, 0, 0],
    ]);
  });

  it('reading the dead-letter topics leaves no consumer group behind', async () => {
    const topics = [uniqueTopic('read-a'), uniqueTopic('read-b')].map(deadLetterTopic);
    await messaging.admin.ensureTopics(topics.map((name) => ({ name, partitions: 1 })));
    await messaging.publisher.publish(topics.map((topic) => cloudEvent(topic, logged)));
    // Observed, not replaced: the broker deletes them, the spy only learns their names.
    const deletions = jest.spyOn(messaging.admin, 'deleteGroups');
    let readers: string[] = [];
    try {
      expect((await readDeadLetters(messaging, topics)).foreign).toBe(2);
      readers = deletions.mock.calls.flatMap(([groups]) => [...groups]);
    } finally {
      deletions.mockRestore();
    }
    expect(readers).toHaveLength(2);
    for (const group of readers) expect(group).toMatch(/^reader-/);
    const listed = await messaging.admin.consumerGroups();
    expect(readers.filter((group) => listed.includes(group))).toEqual([]);
  });
});
