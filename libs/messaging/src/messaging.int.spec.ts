import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, kafkaBrokers, serverVersions, uniqueTopic } from '@nhip/testing';
import { createMessaging } from './create-messaging.ts';
import { totalLag } from './total-lag.ts';
import type { Messaging, OutgoingMessage, ReceivedMessage, Subscription } from './messaging.port.ts';

const versions = serverVersions();

describe(`messaging port on a real Apache Kafka ${versions.kafka} broker`, () => {
  let messaging: Messaging;

  beforeAll(() => {
    messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'messaging-int-test' });
  });
  afterAll(async () => {
    await messaging.close();
  });

  const communes = ['26734', '26737', '24406', '24409', '20224']; // GSO commune codes as keys
  const batchOf = (topic: string, round: string, perKey: number): OutgoingMessage[] =>
    communes.flatMap((commune) =>
      Array.from({ length: perKey }, (_, i) => ({
        topic,
        key: commune,
        value: JSON.stringify({ round, commune, seq: i, note: 'Hướng dẫn cài đặt VNeID' }),
        headers: { ce_id: `${round}-${commune}-${i}`, ce_source: '/nhịp/test' },
      })),
    );

  /** Subscribes and gathers messages until `count` arrived, committing them if asked to. */
  async function receive(
    topic: string,
    groupId: string,
    count: number,
    commit: boolean,
  ): Promise<{ messages: ReceivedMessage[]; subscription: Subscription }> {
    const messages: ReceivedMessage[] = [];
    const subscription = await messaging.subscriber.subscribe(
      { groupId, topics: [topic], startFrom: 'earliest' },
      async (batch, commitBatch) => {
        messages.push(...batch);
        if (commit) await commitBatch(batch);
      },
    );
    await eventually(() => messages.length >= count, { timeoutMs: 30_000 });
    return { messages, subscription };
  }

  it('delivers keys, headers and bytes; one key stays on one partition, in order', async () => {
    const topic = uniqueTopic('messaging');
    await messaging.admin.ensureTopics([{ name: topic, partitions: 3 }]);
    const sent = batchOf(topic, 'a', 6);
    await messaging.publisher.publish(sent);

    const { messages, subscription } = await receive(topic, `g-${topic}`, sent.length, true);
    await subscription.stop();

    expect(messages).toHaveLength(sent.length);
    for (const commune of communes) {
      const ofKey = messages.filter((m) => m.key === commune);
      expect(new Set(ofKey.map((m) => m.partition)).size).toBe(1);
      expect(ofKey.map((m) => (JSON.parse(m.value.toString()) as { seq: number }).seq)).toEqual([
        0, 1, 2, 3, 4, 5,
      ]);
      expect(ofKey[0]?.headers).toEqual({ ce_id: `a-${commune}-0`, ce_source: '/nhịp/test' });
    }
    const first = JSON.parse(messages[0]?.value.toString() ?? '{}') as { note?: string };
    expect(first.note).toBe('Hướng dẫn cài đặt VNeID');
  });

  it('resumes a group from its committed offsets after the consumer restarts', async () => {
    const topic = uniqueTopic('commits');
    const groupId = `g-${topic}`;
    await messaging.admin.ensureTopics([{ name: topic, partitions: 3 }]);

    await messaging.publisher.publish(batchOf(topic, 'before', 3));
    const firstRun = await receive(topic, groupId, 15, true);
    await firstRun.subscription.stop();

    await messaging.publisher.publish(batchOf(topic, 'after', 2));
    const secondRun = await receive(topic, groupId, 10, true);
    // Give a wrongly rewound consumer time to show its duplicates before we look.
    await new Promise((r) => setTimeout(r, 1500));
    const lag = await secondRun.subscription.lag();
    await secondRun.subscription.stop();

    const rounds = secondRun.messages.map((m) => (JSON.parse(m.value.toString()) as { round: string }).round);
    expect(rounds).toHaveLength(10);
    expect(new Set(rounds)).toEqual(new Set(['after']));
    const outstanding = totalLag(lag);
    expect(outstanding).toBe(0n);
  });

  it('redelivers what a consumer received but never committed', async () => {
    const topic = uniqueTopic('uncommitted');
    const groupId = `g-${topic}`;
    await messaging.admin.ensureTopics([{ name: topic, partitions: 1 }]);
    await messaging.publisher.publish(batchOf(topic, 'once', 1));

    const crashed = await receive(topic, groupId, 5, false);
    await crashed.subscription.stop();
    const again = await receive(topic, groupId, 5, true);
    await again.subscription.stop();

    expect(again.messages.map((m) => m.headers['ce_id']).sort()).toEqual(
      crashed.messages.map((m) => m.headers['ce_id']).sort(),
    );
  });

  it('each subscription is a static member of its group, and one that stops leaves at once', async () => {
    const topic = uniqueTopic('members');
    const groupId = `g-${topic}`;
    await messaging.admin.ensureTopics([{ name: topic, partitions: 2 }]);
    await messaging.publisher.publish(batchOf(topic, 'members', 1));
    const first = await receive(topic, groupId, 1, true);
    const second = await messaging.subscriber.subscribe({ groupId, topics: [topic] }, async () => {});
    await eventually(async () => (await messaging.admin.groupMembers(groupId)).length === 2, {
      timeoutMs: 30_000,
    });
    const names = (await messaging.admin.groupMembers(groupId)).map((m) => m.instanceId);
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(name).toMatch(new RegExp(`-${process.pid}-\\d+$`));

    await second.stop();
    // Left, not waiting out its 10 s session: a deploy hands the partitions over at once.
    expect((await messaging.admin.groupMembers(groupId)).length).toBe(1);
    await first.subscription.stop();
    expect(await messaging.admin.groupMembers(groupId)).toEqual([]);
  });

  it('a group is listed until deleted, and one with a member is refused', async () => {
    const topic = uniqueTopic('groups');
    const [busy, idle] = [`g-${topic}-busy`, `g-${topic}-idle`];
    await messaging.admin.ensureTopics([{ name: topic, partitions: 1 }]);
    await messaging.publisher.publish(batchOf(topic, 'groups', 1));
    const reading = await receive(topic, busy, 5, true);
    await (await receive(topic, idle, 5, true)).subscription.stop();
    expect(await messaging.admin.consumerGroups()).toEqual(expect.arrayContaining([busy, idle]));

    await expect(messaging.admin.deleteGroups([busy])).rejects.toThrow();
    await messaging.admin.deleteGroups([idle, `g-${topic}-never-made`]);
    const listed = await messaging.admin.consumerGroups();
    expect(listed).toContain(busy);
    expect(listed).not.toContain(idle);
    await reading.subscription.stop();
    await messaging.admin.deleteGroups([busy]);
    expect(await messaging.admin.consumerGroups()).not.toContain(busy);
  });

  it('creating topics that already exist changes nothing', async () => {
    const topic = uniqueTopic('idempotent');
    await messaging.admin.ensureTopics([{ name: topic, partitions: 2 }]);
    await expect(messaging.admin.ensureTopics([{ name: topic, partitions: 2 }])).resolves.toBeUndefined();
  });

  it('lists a topic as soon as it is ensured: created is listed', async () => {
    // Before the wait, a fresh topic was sometimes left out of a listing made at once: 2 of 30 in a
    // probe, and this case failed in 1 of 3 runs.
    const names = Array.from({ length: 20 }, (_, i) => uniqueTopic(`listed-${i}`));
    const unlisted: string[] = [];
    for (const name of names) {
      await messaging.admin.ensureTopics([{ name, partitions: 1 }]);
      if (!(await messaging.admin.listTopics()).includes(name)) unlisted.push(name);
    }
    expect(unlisted).toEqual([]);
    await messaging.admin.deleteTopics(names);
  });

  it('deletes the topics it is given and ignores names that do not exist', async () => {
    const kept = uniqueTopic('kept');
    const dropped = uniqueTopic('dropped');
    await messaging.admin.ensureTopics([
      { name: kept, partitions: 1 },
      { name: dropped, partitions: 1 },
    ]);
    await messaging.admin.deleteTopics([dropped, uniqueTopic('never-made')]);
    await eventually(async () => !(await messaging.admin.listTopics()).includes(dropped), {
      timeoutMs: 10_000,
    });
    expect(await messaging.admin.listTopics()).toContain(kept);
    await messaging.admin.deleteTopics([kept]);
  });
});
