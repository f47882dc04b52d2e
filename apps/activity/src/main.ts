import 'reflect-metadata';
import { publicTopics } from '@nhip/contracts';
import { OutboxRelay, startEventConsumer } from '@nhip/event-sourcing';
import { createMessaging, kafkaConnectionFromEnv, topicPrefixFromEnv } from '@nhip/messaging';
import { ensureDatabase, openServiceDataSource } from '@nhip/postgres';
import { exitOnStartFailure, serve } from '@nhip/service-http';
import { AppModule } from './app.module.ts';
import { ConfigError, readConfig } from './config.ts';
import { applyToReplica, isReplicaType, replicaTopics } from './replica/registry-replica.ts';
import { ReplicaLag } from './replica/replica-lag.ts';
import { activityDataSource } from './schema/activity-data-source.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const messaging = createMessaging(kafkaConnectionFromEnv('nhip-activity'));
  const topicPrefix = topicPrefixFromEnv();
  const topic = (name: string): string => `${topicPrefix}${name}`;
  const databaseUrl = await ensureDatabase(config.adminDatabaseUrl, config.databaseName);
  // One pool for TypeORM and the hand-written SQL alike; migrations run before anything reads.
  const { dataSource, pool, migrated } = await openServiceDataSource({
    ...activityDataSource(databaseUrl),
    onPoolError: (error) => process.stderr.write(`activity database pool: ${String(error)}\n`),
  });
  if (migrated.length > 0) process.stdout.write(`activity migrations run: ${migrated.join(', ')}\n`);
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

  await serve(AppModule.with(pool, config, new ReplicaLag(() => replica.lag())), {
    name: 'activity',
    port: config.port,
    portVariable: 'ACTIVITY_PORT',
    maxBodyBytes: config.maxBodyBytes,
    // Bulk files arrive as bytes; decoding (and refusing invalid UTF-8) is the parsers' job.
    rawContentTypes: ['text/csv', 'application/x-ndjson'],
    docs: {
      title: 'Nhịp activity',
      description:
        'What community digital technology teams did, for how many residents: single and bulk reports, corrections, voids, campaigns.',
    },
    onClose: async () => {
      await replica.stop();
      await relay.stop();
      await messaging.close();
      await dataSource.destroy();
    },
  });
}

main().catch(exitOnStartFailure('activity', 'ACTIVITY_PORT', (e) => e instanceof ConfigError));
