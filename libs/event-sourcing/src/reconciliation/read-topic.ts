import { randomUUID } from 'node:crypto';
import { totalLag, type Messaging, type ReceivedMessage } from '@nhip/messaging';

/**
 * Everything on a topic right now, read by a throw-away consumer group: returns once the group's
 * lag is zero and nothing new arrived for `quietMs`.
 */
export async function readTopic(
  messaging: Messaging,
  topic: string,
  quietMs = 500,
): Promise<ReceivedMessage[]> {
  const received: ReceivedMessage[] = [];
  let lastArrival = Date.now();
  const subscription = await messaging.subscriber.subscribe(
    { groupId: `reader-${randomUUID()}`, topics: [topic], startFrom: 'earliest' },
    async (batch, commit) => {
      received.push(...batch);
      lastArrival = Date.now();
      await commit(batch);
    },
  );
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      const lag = totalLag(await subscription.lag());
      if (lag === 0n && Date.now() - lastArrival >= quietMs) return received;
      if (Date.now() > deadline) throw new Error(`Topic ${topic} did not drain within 30 s (lag ${lag}).`);
    }
  } finally {
    await subscription.stop();
  }
}
