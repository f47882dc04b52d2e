// Faults on the topics a service consumes: messages delivered twice, and poison.
import { randomUUID } from 'node:crypto';
import { publicTopics, TeamRegisteredV1 } from '@nhip/contracts';
import { maxMessageBytes } from '@nhip/event-sourcing';
import type { OutgoingMessage } from '@nhip/messaging';
import type { FaultContext } from './run-fault.ts';
import { injectedSource } from './store-checks.ts';

/** Each consumed topic once, though several groups (activity's replica, the KPI) read it. */
const consumedTopics = (ctx: FaultContext): string[] => [
  ...new Set(ctx.platform.targets().flatMap((t) => t.consumerGroups.flatMap((g) => [...g.topics]))),
];

/** Produces every 1/fraction-th message of the consumed topics again, byte for byte. */
export async function duplicateDelivery(ctx: FaultContext, fraction: number): Promise<number> {
  const every = Math.round(1 / fraction);
  const again: OutgoingMessage[] = [];
  for (const topic of consumedTopics(ctx)) {
    const messages = await ctx.kafka.readToEnd(topic);
    for (const [i, m] of messages.entries())
      if (i % every === 0) again.push({ topic, key: m.key, value: m.value, headers: m.headers });
  }
  await ctx.messaging.publisher.publish(again);
  return again.length;
}

/** One message of each kind of poison on the team topic; returns the kinds that reached it. */
export async function poisonMessages(ctx: FaultContext): Promise<string[]> {
  const topic = `${ctx.platform.topicPrefix}${publicTopics.registryTeam}`;
  const headers = (type: string, extra: Record<string, string> = {}) => ({
    ce_specversion: '1.0',
    ce_id: randomUUID(),
    ce_type: type,
    ce_source: injectedSource,
    'content-type': 'application/json',
    ...extra,
  });
  const registered = TeamRegisteredV1.type;
  const kinds: Record<string, OutgoingMessage> = {
    malformed: { topic, key: 'p', value: '{"teamId": ', headers: headers(registered) },
    'wrong-specversion': {
      topic,
      key: 'p',
      value: '{}',
      headers: headers(registered, { ce_specversion: '0.3' }),
    },
    'wrong-version-type': { topic, key: 'p', value: '{}', headers: headers(registered.replace(/v1$/, 'v9')) },
    'breaks-contract': { topic, key: 'p', value: '{"teamId":"not-a-uuid"}', headers: headers(registered) },
    oversized: {
      topic,
      key: 'p',
      value: Buffer.alloc(maxMessageBytes + 1, 0x20),
      headers: headers(registered),
    },
  };
  // The broker refuses a record above its 1 MiB default before any consumer could judge it.
  await ctx.kafka.allowLargeMessages(topic, 2 * maxMessageBytes);
  const sent: string[] = [];
  for (const [kind, message] of Object.entries(kinds)) {
    try {
      await ctx.messaging.publisher.publish([message]);
      sent.push(kind);
    } catch (error) {
      ctx.note(
        `poison ${kind} refused by the broker`,
        error instanceof Error ? error.message : String(error),
      );
    }
  }
  return sent;
}
