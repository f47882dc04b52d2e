// What the checks read from the real broker: consumer-group lag (committed offsets against the
// high watermarks), every message on a topic, and the dead letters a group wrote.
import { forgetGroup, readTopic } from '@nhip/event-sourcing';
import type { Messaging, ReceivedMessage } from '@nhip/messaging';
import { randomUUID } from 'node:crypto';
import kafkajs, { Kafka, logLevel, type Admin } from 'kafkajs';
import type { ConsumerGroup } from './target.ts';

// kafkajs is CommonJS: Node sees its enums only on the default export.
const topicResource = kafkajs.ConfigResourceTypes.TOPIC;

export class KafkaView {
  readonly #admin: Admin;
  readonly messaging: Messaging;

  private constructor(admin: Admin, messaging: Messaging) {
    this.#admin = admin;
    this.messaging = messaging;
  }

  static async open(brokers: readonly string[], messaging: Messaging): Promise<KafkaView> {
    const kafka = new Kafka({ clientId: 'fault-ledger', brokers: [...brokers], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    return new KafkaView(admin, messaging);
  }

  /** Messages the group has not committed, over all partitions of its topics. */
  async lag(group: ConsumerGroup): Promise<number> {
    const committed = await this.#admin.fetchOffsets({ groupId: group.group, topics: [...group.topics] });
    let lag = 0;
    for (const topic of group.topics) {
      const high = await this.#admin.fetchTopicOffsets(topic);
      const done = committed.find((c) => c.topic === topic)?.partitions ?? [];
      for (const p of high) {
        const at = Number(done.find((d) => d.partition === p.partition)?.offset ?? '-1');
        lag += Number(p.high) - Math.max(at, Number(p.low));
      }
    }
    return lag;
  }

  /**
   * Everything on the topic up to the end it has now, while producers may still be adding to it
   * (`read` waits for a quiet topic, which a topic under load never is).
   */
  async readToEnd(topic: string): Promise<ReceivedMessage[]> {
    const ends = (await this.#admin.fetchTopicOffsets(topic)).filter((p) => Number(p.high) > Number(p.low));
    const received: ReceivedMessage[] = [];
    const reached = (): boolean =>
      ends.every((end) =>
        received.some((m) => m.partition === end.partition && m.offset >= BigInt(end.high) - 1n),
      );
    const groupId = `reader-${randomUUID()}`;
    const subscription = await this.messaging.subscriber.subscribe(
      { groupId, topics: [topic], startFrom: 'earliest' },
      async (batch, commit) => {
        received.push(...batch);
        await commit(batch);
      },
    );
    try {
      for (const deadline = Date.now() + 30_000; !reached(); await new Promise((r) => setTimeout(r, 100)))
        if (Date.now() > deadline) throw new Error(`Could not read ${topic} to its end within 30 s.`);
      return received.filter((m) =>
        ends.some((e) => e.partition === m.partition && m.offset < BigInt(e.high)),
      );
    } finally {
      await subscription.stop();
      await forgetGroup(this.messaging, groupId);
    }
  }

  /** Raises a topic's record size limit, so oversized poison reaches the consumer. */
  async allowLargeMessages(topic: string, bytes: number): Promise<void> {
    await this.#admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: topicResource,
          name: topic,
          configEntries: [{ name: 'max.message.bytes', value: String(bytes) }],
        },
      ],
    });
  }

  async exists(topic: string): Promise<boolean> {
    return (await this.#admin.listTopics()).includes(topic);
  }

  /** Everything on the topic now; nothing when it was never created. */
  async read(topic: string): Promise<ReceivedMessage[]> {
    return (await this.exists(topic)) ? readTopic(this.messaging, topic) : [];
  }

  async close(): Promise<void> {
    await this.#admin.disconnect();
  }
}
