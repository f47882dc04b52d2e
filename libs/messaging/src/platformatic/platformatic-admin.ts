import { setTimeout as sleep } from 'node:timers/promises';
import { Admin } from '@platformatic/kafka';
import { errorSummary } from '../error-summary.ts';
import type { EnsureTopicsOptions, GroupMember, TopicAdmin, TopicSpec } from '../messaging.port.ts';
import { whileBrokerSettles } from './broker-settling.ts';
import type { KafkaConnection } from './kafka-connection.ts';

const listedWithinMs = 30_000;

export class PlatformaticAdmin implements TopicAdmin {
  readonly #admin: Admin;

  constructor(connection: KafkaConnection) {
    this.#admin = new Admin({
      clientId: `${connection.clientId}-admin`,
      bootstrapBrokers: [...connection.brokers],
    });
  }

  ensureTopics(topics: readonly TopicSpec[], options: EnsureTopicsOptions = {}): Promise<void> {
    return whileBrokerSettles(() => this.#ensureTopics(topics), options);
  }

  async #ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    const existing = new Set(await this.#admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.name));
    // One request per partition count: createTopics takes one count for all names it is given.
    const byPartitions = Map.groupBy(missing, (t) => t.partitions);
    for (const [partitions, group] of byPartitions) {
      try {
        await this.#admin.createTopics({ topics: group.map((t) => t.name), partitions, replicas: 1 });
      } catch (error) {
        // Another process may have created it between our list and create.
        if (!/already exists/i.test(errorSummary(error, Infinity))) throw error;
      }
    }
    await this.#untilListed(missing.map((t) => t.name));
  }

  /**
   * A created topic reaches the broker's metadata a moment after the controller accepted it: until
   * then a listing leaves it out, and a deletion right after creating it found nothing to delete
   * (a flaky spec, and a topic left behind). Ensured means listed.
   */
  async #untilListed(names: readonly string[]): Promise<void> {
    if (names.length === 0) return; // nothing created: no second listing at every start
    const deadline = Date.now() + listedWithinMs;
    for (;;) {
      const listed = new Set(await this.#admin.listTopics());
      const unlisted = names.filter((name) => !listed.has(name));
      if (unlisted.length === 0) return;
      if (Date.now() > deadline) {
        throw new Error(
          `Created topics not listed by the broker within ${listedWithinMs} ms: ${unlisted.join(', ')}`,
        );
      }
      await sleep(50);
    }
  }

  listTopics(): Promise<string[]> {
    return this.#admin.listTopics();
  }

  async deleteTopics(names: readonly string[]): Promise<void> {
    const existing = new Set(await this.#admin.listTopics());
    const present = names.filter((name) => existing.has(name));
    if (present.length > 0) await this.#admin.deleteTopics({ topics: present });
  }

  async groupMembers(groupId: string): Promise<GroupMember[]> {
    const groups = await this.#admin.describeGroups({ groups: [groupId] });
    const members = groups.get(groupId)?.members.values() ?? [];
    return [...members].map((m) => ({
      memberId: m.id,
      instanceId: m.groupInstanceId ?? null,
      clientId: m.clientId,
    }));
  }

  async consumerGroups(): Promise<string[]> {
    return [...(await this.#admin.listGroups()).keys()].sort();
  }

  async deleteGroups(groupIds: readonly string[]): Promise<void> {
    const known = new Set(await this.consumerGroups());
    const present = groupIds.filter((id) => known.has(id));
    if (present.length > 0) await this.#admin.deleteGroups({ groups: present });
  }

  async close(): Promise<void> {
    await this.#admin.close();
  }
}
