// Kafka clients through the fault proxy (docs/adr/0021): bootstrapped at the proxied listener, a
// producer's every request crosses the proxy, so a black hole there stops it (it would not, were
// it told to dial the broker directly after the bootstrap) and the heal lets it through.
// This may restart the int tier's shared broker once (to add the listener); the tier runs in band.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createMessaging, type Messaging } from '@nhip/messaging';
import { uniqueTopic } from '@nhip/testing';
import { brokerBehindProxy, type ProxiedBroker } from './kafka-proxy.ts';

const settled = <T>(promise: Promise<T>, ms: number): Promise<'pending' | 'done' | 'failed'> =>
  Promise.race([
    promise.then(
      () => 'done' as const,
      () => 'failed' as const,
    ),
    new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms)),
  ]);

describe('a Kafka client through the TCP fault proxy', () => {
  let broker: ProxiedBroker;
  let messaging: Messaging;
  const topic = uniqueTopic('proxied');

  beforeAll(async () => {
    broker = await brokerBehindProxy();
    messaging = createMessaging({
      brokers: [broker.brokers],
      clientId: `proxied-${randomUUID().slice(0, 6)}`,
    });
    await messaging.admin.ensureTopics([{ name: topic, partitions: 1 }]);
  }, 120_000);
  afterAll(async () => {
    broker.proxy.heal();
    await messaging.close();
    await broker.proxy.close();
  });

  it('sends every request through the proxy: a black hole holds the producer, the heal releases it', async () => {
    const before = broker.proxy.stats();
    await messaging.publisher.publish([{ topic, key: 'k', value: 'x'.repeat(10_000) }]);
    const after = broker.proxy.stats();
    expect(after.bytes.upstream - before.bytes.upstream).toBeGreaterThan(10_000);

    broker.proxy.blackhole();
    const held = messaging.publisher.publish([{ topic, key: 'k', value: 'y'.repeat(10_000) }]);
    held.catch(() => undefined);
    expect(await settled(held, 3_000)).toBe('pending');
    broker.proxy.heal();
    expect(await settled(held, 15_000)).toBe('done');
  }, 60_000);
});
