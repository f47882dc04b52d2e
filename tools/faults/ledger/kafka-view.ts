// What the checks read from the real broker: consumer-group lag (committed offsets against the
// high watermarks), every message on a topic, and the dead letters a group wrote.
import { readTopic } from '@nhip/event-sourcing';
import type { Messaging, ReceivedMessage } from '@nhip/messaging';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import type { ConsumerGroup } from './target.ts';

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
