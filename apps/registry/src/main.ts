import 'reflect-metadata';
import { publicTopics } from '@nhip/contracts';
import { migrateEventStore, OutboxRelay } from '@nhip/event-sourcing';
import { createMessaging, kafkaConnectionFromEnv, topicPrefixFromEnv } from '@nhip/messaging';
import { ensureDatabase } from '@nhip/postgres';
import { exitOnStartFailure, serve } from '@nhip/service-http';
import pg from 'pg';
import { AppModule } from './app.module.ts';
import { ConfigError, readConfig } from './config.ts';
import { migrateReadModel } from './schema/migrate-read-model.ts';
import { rebuildReadModelIfStale } from './schema/rebuild-read-model.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const messaging = createMessaging(kafkaConnectionFromEnv('nhip-registry'));
  const topicPrefix = topicPrefixFromEnv();
  const databaseUrl = await ensureDatabase(config.adminDatabaseUrl, config.databaseName);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  await migrateEventStore(pool);
  await migrateReadModel(pool);
  const rebuild = await rebuildReadModelIfStale(pool);
  if (rebuild.rebuilt) process.stdout.write(`registry read models rebuilt from ${rebuild.events} events\n`);
  await messaging.admin.ensureTopics([
    { name: `${topicPrefix}${publicTopics.registryUnit}`, partitions: 3 },
    { name: `${topicPrefix}${publicTopics.registryTeam}`, partitions: 6 },
    { name: `${topicPrefix}${publicTopics.registryMember}`, partitions: 3 },
  ]);
  const relay = new OutboxRelay({
    pool,
    connectionString: databaseUrl,
    publisher: messaging.publisher,
    topicPrefix,
    onError: (error) => process.stderr.write(`registry outbox relay: ${String(error)}\n`),
  });
  await relay.start();
  await serve(AppModule.with(pool), {
    name: 'registry',
    port: config.port,
    portVariable: 'REGISTRY_PORT',
    maxBodyBytes: config.maxBodyBytes,
    // Unit lists and mappings arrive as CSV bytes; decoding (and refusing invalid UTF-8) is the parser's job.
    rawContentTypes: ['text/csv'],
    docs: {
      title: 'Nhịp registry',
      description:
        'Administrative units (levels are data), community digital technology teams and their members.',
    },
    onClose: async () => {
      await relay.stop();
      await messaging.close();
      await pool.end();
    },
  });
}

main().catch(exitOnStartFailure('registry', 'REGISTRY_PORT', (e) => e instanceof ConfigError));
