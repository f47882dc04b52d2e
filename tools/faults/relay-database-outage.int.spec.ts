// The outbox relay cut off from its database (session, lock, reads) while the service's writes
// go on landing in the outbox: it logs the outage once, retries with backoff, reopens its
// LISTEN session after the heal and publishes everything committed meanwhile, without a NOTIFY.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  migrateEventStore,
  OutboxRelay,
  pendingOutboxCount,
  PostgresEventStore,
  readTopic,
} from '@nhip/event-sourcing';
import { createMessaging, type Messaging } from '@nhip/messaging';
import { eventually, kafkaBrokers, testDatabase, uniqueTopic } from '@nhip/testing';
import pg from 'pg';
import { TcpFaultProxy } from './tcp-fault-proxy.ts';

describe('outbox relay through a database outage (TCP fault proxy)', () => {
  let proxy: TcpFaultProxy;
  let direct: pg.Pool;
  let proxied: pg.Pool;
  let proxiedUrl: string;
  let messaging: Messaging;
  const told: string[] = [];
  const otherErrors: unknown[] = [];

  beforeAll(async () => {
    const databaseUrl = await testDatabase('relay_outage');
    direct = new pg.Pool({ connectionString: databaseUrl, max: 3 });
    await migrateEventStore(direct);
    await direct.query('TRUNCATE es_events, es_streams, es_outbox, es_relay_checkpoints');
    proxy = await TcpFaultProxy.inFrontOf(databaseUrl);
    proxiedUrl = proxy.urlThrough(databaseUrl);
    proxied = new pg.Pool({ connectionString: proxiedUrl, max: 3, connectionTimeoutMillis: 1000 });
    proxied.on('error', () => undefined); // the pool's own outage handling is pool-guard's spec
    messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'relay-outage-test' });
  });
  afterAll(async () => {
    proxy.heal();
    await messaging.close();
    await proxied.end();
    await direct.end();
    await proxy.close();
  });

  /** Writes as the service would, on the database's direct path (only the relay's is cut). */
  async function append(topic: string, count: number): Promise<void> {
    const store = new PostgresEventStore(direct);
    for (let i = 0; i < count; i++) {
      const eventId = randomUUID();
      await store.appendToStream(
        `relay-outage-${eventId}`,
        'no_stream',
        [
          {
            eventId,
            type: 'Noted',
            data: { i },
            metadata: { correlationId: eventId, occurredAt: '2026-12-03T00:00:00Z' },
          },
        ],
        [
          {
            messageId: randomUUID(),
            topic,
            key: String(i % 3),
            type: 'vn.nhip.test.noted.v1',
            source: '/nhip/test',
            subject: `noted/${eventId}`,
            occurredAt: '2026-12-03T00:00:00Z',
            data: { i },
          },
        ],
      );
    }
  }

  it('retries with backoff, logs the outage once, and catches up after the heal', async () => {
    const topic = uniqueTopic('relay-outage');
    await messaging.admin.ensureTopics([{ name: topic, partitions: 3 }]);
    const relay = new OutboxRelay({
      pool: proxied,
      connectionString: proxiedUrl,
      publisher: messaging.publisher,
      pollIntervalMs: 200,
      onError: (error) => otherErrors.push(error),
      outage: { lost: () => told.push('lost'), back: () => told.push('back') },
    });
    await relay.start();
    try {
      await append(topic, 3);
      await eventually(async () => (await pendingOutboxCount(direct, topic)) === 0);
      proxy.refuse();
      proxy.reset();
      await append(topic, 5);
      await new Promise((resolve) => setTimeout(resolve, 2500)); // several retries' worth
      expect(await pendingOutboxCount(direct, topic)).toBe(5);
      expect(told).toEqual(['lost']);
      proxy.heal();
      await eventually(async () => (await pendingOutboxCount(direct, topic)) === 0, { timeoutMs: 20_000 });
      expect(told).toEqual(['lost', 'back']);
      expect(otherErrors).toEqual([]);
      expect(await readTopic(messaging, topic)).toHaveLength(8);
    } finally {
      await relay.stop();
    }
  });
});
