// A tiny Nest app with @EventPattern handlers on two contract topics, run by the transport on the
// real broker and database: effects once, in the handler's transaction; poison to `<topic>.dlt`.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import { publicEventProblems, publicTopics } from '@nhip/contracts';
import { deadLetterTopic, migrateEventStore, processedCount, readTopic } from '@nhip/event-sourcing';
import { createMessaging, type Messaging, type OutgoingMessage } from '@nhip/messaging';
import { eventually, kafkaBrokers, testDatabase, uniqueTopicPrefix } from '@nhip/testing';
import pg from 'pg';
import type { EventBatch } from './event-batch.ts';
import { EventConsumerTransport } from './event-consumer-transport.ts';
import { EventsController } from './events-controller.ts';

const treeOpened = 'vn.nhip.registry.unit-tree.opened.v1';
const teamReinstated = 'vn.nhip.registry.team.reinstated.v1';
const knownTypes = new Set([treeOpened, teamReinstated]);

/** Every handled event bumps a counter, written before its contract is checked. */
async function count({ events, tx, topic }: EventBatch): Promise<void> {
  for (const event of events) {
    await tx.query(
      `INSERT INTO nk_applied (event_id, topic, pattern, times) VALUES ($1, $2, $3, 1)
       ON CONFLICT (event_id) DO UPDATE SET times = nk_applied.times + 1`,
      [event.id, event.message.topic, topic],
    );
    const problems = publicEventProblems(event.type, event.data);
    if (problems.length > 0) throw new Error(`${event.type} breaks its contract: ${problems.join('; ')}`);
  }
}

@EventsController()
class RegistryFollower {
  @EventPattern(publicTopics.registryUnit)
  onUnitEvents(batch: EventBatch): Promise<void> {
    return count(batch);
  }

  @EventPattern(publicTopics.registryTeam)
  onTeamEvents(batch: EventBatch): Promise<void> {
    return count(batch);
  }
}

@Module({ controllers: [RegistryFollower] })
class FollowerModule {}

const event = (topic: string, type: string, data: unknown, id = randomUUID()): OutgoingMessage => ({
  topic,
  key: 'vn-2025',
  value: JSON.stringify(data),
  headers: { ce_specversion: '1.0', ce_id: id, ce_type: type, ce_source: '/nhip/registry' },
});

describe('EventConsumerTransport: @EventPattern handlers in the consumer runtime', () => {
  let pool: pg.Pool;
  let messaging: Messaging;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await testDatabase('nest_kafka'), max: 6 });
    await migrateEventStore(pool);
    await pool.query(
      `CREATE TABLE IF NOT EXISTS nk_applied (
        event_id text PRIMARY KEY, topic text NOT NULL, pattern text NOT NULL, times int NOT NULL)`,
    );
    messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'nest-kafka-test' });
  });
  afterAll(async () => {
    await messaging.close();
    await pool.end();
  });

  /** A fresh topic namespace with both contract topics, and a way to start the app on it. */
  async function namespace() {
    const prefix = uniqueTopicPrefix();
    const unitTopic = `${prefix}${publicTopics.registryUnit}`;
    const teamTopic = `${prefix}${publicTopics.registryTeam}`;
    await messaging.admin.ensureTopics([
      { name: unitTopic, partitions: 2 },
      { name: teamTopic, partitions: 1 },
    ]);
    const start = async (): Promise<{ app: INestMicroservice; transport: EventConsumerTransport }> => {
      const transport = new EventConsumerTransport({
        name: 'registry-follower',
        topicPrefix: prefix,
        pool,
        subscriber: messaging.subscriber,
        publisher: messaging.publisher,
        isKnownType: (type) => knownTypes.has(type),
        retryDelayMs: 20,
      });
      const app = await NestFactory.createMicroservice(FollowerModule, {
        strategy: transport,
        logger: false,
      });
      await app.listen();
      return { app, transport };
    };
    const applied = async (): Promise<Map<string, number>> => {
      const { rows } = await pool.query<{ event_id: string; times: number }>(
        'SELECT event_id, times FROM nk_applied WHERE topic = ANY($1::text[])',
        [[unitTopic, teamTopic]],
      );
      return new Map(rows.map((r) => [r.event_id, r.times]));
    };
    /** Which pattern's handler saw each topic's events: the contract topic, without the prefix. */
    const patterns = async (): Promise<string[][]> => {
      const { rows } = await pool.query<{ topic: string; pattern: string }>(
        'SELECT DISTINCT topic, pattern FROM nk_applied WHERE topic = ANY($1::text[]) ORDER BY topic',
        [[unitTopic, teamTopic]],
      );
      return rows.map((r) => [r.topic, r.pattern]);
    };
    return { prefix, unitTopic, teamTopic, start, applied, patterns };
  }

  it('applies the events of both patterns once, in one group, and a redelivered one changes nothing', async () => {
    const { prefix, unitTopic, teamTopic, start, applied, patterns } = await namespace();
    const first = [
      event(unitTopic, treeOpened, { treeVersion: 'vn-2024', effectiveFrom: '2024-01-01' }),
      event(unitTopic, treeOpened, { treeVersion: 'vn-2025', effectiveFrom: '2025-07-01' }),
      event(teamTopic, teamReinstated, { teamId: randomUUID() }),
    ];
    await messaging.publisher.publish(first);
    let { app, transport } = await start();
    await eventually(async () => (await applied()).size === 3);
    // The relay re-sends after a crash: the same event at a new offset, and after a restart.
    await messaging.publisher.publish([first[0] as OutgoingMessage]);
    await eventually(async () => (await transport.lag()) === 0n);
    await app.close();
    ({ app, transport } = await start());
    const later = event(teamTopic, teamReinstated, { teamId: randomUUID() });
    await messaging.publisher.publish([later, first[2] as OutgoingMessage]);
    await eventually(async () => (await applied()).size === 4);
    await eventually(async () => (await transport.lag()) === 0n);
    await app.close();

    const times = await applied();
    expect([...times.keys()].sort()).toEqual([...first, later].map((m) => m.headers?.['ce_id']).sort());
    expect([...times.values()]).toEqual([1, 1, 1, 1]);
    expect(await patterns()).toEqual([
      [teamTopic, publicTopics.registryTeam],
      [unitTopic, publicTopics.registryUnit],
    ]);
    // Processed ids live under the group name, prefixed like the topics.
    expect(await processedCount(pool, `${prefix}registry-follower`)).toBe(4);
  });

  it("dead-letters a message that breaks the handler's contract with its reason, and applies the next", async () => {
    const { unitTopic, teamTopic, start, applied } = await namespace();
    const good = event(unitTopic, treeOpened, { treeVersion: 'vn-2024', effectiveFrom: '2024-01-01' });
    const poison = event(unitTopic, treeOpened, { treeVersion: 'vn-2099', effectiveFrom: 'soon' });
    const next = event(unitTopic, treeOpened, { treeVersion: 'vn-2025', effectiveFrom: '2025-07-01' });
    const unknown = event(teamTopic, 'vn.nhip.registry.team.teleported.v1', { teamId: randomUUID() });
    await messaging.publisher.publish([good, poison, next, unknown]);
    const { app, transport } = await start();
    try {
      await eventually(async () => (await applied()).size === 2);
      await eventually(async () => (await transport.lag()) === 0n);
    } finally {
      await app.close();
    }

    const times = await applied();
    // The poison's own write rolled back with the handler's transaction; the others hold once.
    expect(times).toEqual(new Map([good, next].map((m) => [m.headers?.['ce_id'], 1])));
    const dead = await readTopic(messaging, deadLetterTopic(unitTopic));
    expect(dead.map((m) => m.headers['ce_id'])).toEqual([poison.headers?.['ce_id']]);
    expect(dead[0]?.headers['dlt_reason']).toBe('handler_failed');
    expect(dead[0]?.headers['dlt_detail']).toMatch(/breaks its contract: \/effectiveFrom/);
    expect(dead[0]?.value.toString()).toBe(poison.value);
    const unknownDead = await readTopic(messaging, deadLetterTopic(teamTopic));
    expect(unknownDead.map((m) => [m.headers['ce_id'], m.headers['dlt_reason']])).toEqual([
      [unknown.headers?.['ce_id'], 'unknown_event_type'],
    ]);
  });

  it('refuses at start a pattern that names no topic, and a request-reply pattern', async () => {
    @EventsController()
    class NotATopic {
      @EventPattern({ cmd: 'apply' })
      apply(): Promise<void> {
        return Promise.resolve();
      }
    }
    @EventsController()
    class AsksForReplies {
      @MessagePattern(publicTopics.registryUnit)
      reply(): Promise<string> {
        return Promise.resolve('ok');
      }
    }
    @Module({ controllers: [NotATopic] })
    class NotATopicModule {}
    @Module({ controllers: [AsksForReplies] })
    class AsksForRepliesModule {}
    for (const [module, refusal] of [
      [NotATopicModule, /must name a topic/],
      [AsksForRepliesModule, /have no replies; use @EventPattern/],
    ] as const) {
      const strategy = new EventConsumerTransport({
        name: 'refused',
        topicPrefix: uniqueTopicPrefix(),
        pool,
        subscriber: messaging.subscriber,
        publisher: messaging.publisher,
        isKnownType: () => true,
      });
      const app = await NestFactory.createMicroservice(module, { strategy, logger: false });
      await expect(app.listen()).rejects.toThrow(refusal);
      await app.close();
    }
  });
});
