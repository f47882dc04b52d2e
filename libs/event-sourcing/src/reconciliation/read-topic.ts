import { randomUUID } from 'node:crypto';
import { totalLag, type Messaging, type ReceivedMessage } from '@nhip/messaging';

/**
 * Everything on a topic right now, read by a throw-away consumer group: returns once the group's
 * lag is zero and nothing new arrived for `quietMs`. The group is deleted after the read.
 */
export async function readTopic(
  messaging: Messaging,
  topic: string,
  quietMs = 500,
): Promise<ReceivedMessage[]> {
  const received: ReceivedMessage[] = [];
  let lastArrival = Date.now();
  const groupId = `reader-${randomUUID()}`;
  const subscription = await messaging.subscriber.subscribe(
    { groupId, topics: [topic], startFrom: 'earliest' },
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
    await forgetGroup(messaging, groupId);
  }
}

/**
 * A reader's group would otherwise stay listed beside the services' own (and in a lag exporter's
 * view of every group) until the broker expires its offsets, a week later: an operator running
 * `npm run dead-letters` a few times a day would leave dozens. Deleting it is tidiness, not
 * correctness, so a broker that refuses (the member not yet gone) does not fail the read.
 */
export async function forgetGroup(messaging: Messaging, groupId: string): Promise<void> {
  await messaging.admin.deleteGroups([groupId]).catch(() => undefined);
}
