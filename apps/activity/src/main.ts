import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { publicTopics } from '@nhip/contracts';
import { migrateEventStore, OutboxRelay, startEventConsumer } from '@nhip/event-sourcing';
import { createMessaging, kafkaConnectionFromEnv, topicPrefixFromEnv } from '@nhip/messaging';
import { ensureDatabase } from '@nhip/postgres';
import { answerTooLargeWithoutReset, mountApiDocs } from '@nhip/service-http';
import pg from 'pg';
import { AppModule } from './app.module.ts';
import { ConfigError, readConfig } from './config.ts';
import { applyToReplica, isReplicaType, replicaTopics } from './replica/registry-replica.ts';
import { ReplicaLag } from './replica/replica-lag.ts';
import { migrateActivityTables } from './schema/migrate-activity-tables.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const messaging = createMessaging(kafkaConnectionFromEnv('nhip-activity'));
  const topicPrefix = topicPrefixFromEnv();
  const topic = (name: string): string => `${topicPrefix}${name}`;
  const databaseUrl = await ensureDatabase(config.adminDatabaseUrl, config.databaseName);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 12 });
  await migrateEventStore(pool);
  await migrateActivityTables(pool);
  // Partitions bound the KPI service's parallelism; activity is keyed by commune.
  await messaging.admin.ensureTopics([
    { name: topic(publicTopics.activity), partitions: 12 },
    { name: topic(publicTopics.campaign), partitions: 3 },
    { name: topic(publicTopics.registryUnit), partitions: 3 },
    { name: topic(publicTopics.registryTeam), partitions: 6 },
  ]);
  const replica = await startEventConsumer({
    name: `${topicPrefix}activity.registry-replica`,
    topics: replicaTopics.map(topic),
    pool,
    subscriber: messaging.subscriber,
    publisher: messaging.publisher,
    isKnownType: isReplicaType,
    handle: applyToReplica,
    onError: (error, context) => process.stderr.write(`registry replica (${context}): ${String(error)}\n`),
  });
  const relay = new OutboxRelay({
    pool,
    connectionString: databaseUrl,
    publisher: messaging.publisher,
    topicPrefix,
    onError: (error) => process.stderr.write(`activity outbox relay: ${String(error)}\n`),
  });
  await relay.start();

  const adapter = new FastifyAdapter({ bodyLimit: config.maxBodyBytes });
  answerTooLargeWithoutReset(adapter.getInstance());
  for (const type of ['text/csv', 'application/x-ndjson']) {
    // Files arrive as bytes; decoding (and refusing invalid UTF-8) is the parsers' job.
    adapter.getInstance().addContentTypeParser(type, { parseAs: 'buffer' }, (_req, body, done) => {
      done(null, body);
    });
  }
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.with(pool, config, new ReplicaLag(() => replica.lag())),
    adapter,
    { logger: ['error', 'warn'], abortOnError: false },
  );
  mountApiDocs(
    app,
    'Nhịp activity',
    'What community digital technology teams did, for how many residents: single and bulk reports, corrections, voids, campaigns.',
  );
  app.enableShutdownHooks();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onClose', async () => {
      await replica.stop();
      await relay.stop();
      await messaging.close();
      await pool.end();
    });
  await app.listen(config.port, '127.0.0.1');
  process.stdout.write(`activity listening on http://127.0.0.1:${config.port} (API docs at /docs)\n`);
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  const message =
    error instanceof ConfigError
      ? error.message
      : code === 'EADDRINUSE'
        ? `The activity service's port is in use: stop what holds it, or set ACTIVITY_PORT to a free port.`
        : `activity failed to start: ${String(error)}`;
  process.stderr.write(`✖ ${message}\n`);
  process.exit(1);
});
