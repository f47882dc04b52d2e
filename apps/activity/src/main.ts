import 'reflect-metadata';
import { publicTopics } from '@nhip/contracts';
import { OutboxRelay } from '@nhip/event-sourcing';
import { createMessaging, kafkaConnectionFromEnv, topicPrefixFromEnv } from '@nhip/messaging';
import { EventConsumerTransport } from '@nhip/nest-kafka';
import { ensureDatabase, openServiceDataSource } from '@nhip/postgres';
import { createLogger, exitOnStartFailure, serve } from '@nhip/service-http';
import { AppModule } from './app.module.ts';
import { ConfigError, readConfig } from './config.ts';
import { isReplicaType } from './replica/registry-replica.ts';
import { ReplicaLag } from './replica/replica-lag.ts';
import { activityDataSource } from './schema/activity-data-source.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger('activity');
  const messaging = createMessaging(kafkaConnectionFromEnv('nhip-activity'));
  const topicPrefix = topicPrefixFromEnv();
  const topic = (name: string): string => `${topicPrefix}${name}`;
  const databaseUrl = await ensureDatabase(config.adminDatabaseUrl, config.databaseName);
  // One pool for TypeORM and the hand-written SQL alike; migrations run before anything reads.
  const { dataSource, pool, migrated } = await openServiceDataSource({
    ...activityDataSource(databaseUrl),
    onPoolError: (error) => log.error({ err: error }, 'database pool error'),
  });
  if (migrated.length > 0) log.info({ migrations: migrated }, `migrations run: ${migrated.join(', ')}`);
  // Partitions bound the KPI service's parallelism; activity is keyed by commune.
  await messaging.admin.ensureTopics([
    { name: topic(publicTopics.activity), partitions: 12 },
    { name: topic(publicTopics.campaign), partitions: 3 },
    { name: topic(publicTopics.registryUnit), partitions: 3 },
    { name: topic(publicTopics.registryTeam), partitions: 6 },
  ]);
  // Runs RegistryReplicaController's @EventPattern handlers; serve() starts it before HTTP.
  const replica = new EventConsumerTransport({
    name: 'activity.registry-replica',
    topicPrefix,
    pool,
    subscriber: messaging.subscriber,
    publisher: messaging.publisher,
    isKnownType: isReplicaType,
    onError: (error, context) => log.error({ err: error, context }, 'registry replica failed'),
  });
  const relay = new OutboxRelay({
    pool,
    connectionString: databaseUrl,
    publisher: messaging.publisher,
    topicPrefix,
    onError: (error) => log.error({ err: error }, 'outbox relay failed'),
  });
  await relay.start();

  await serve(AppModule.with(pool, config, new ReplicaLag(() => replica.lag())), {
    name: 'activity',
    logger: log,
    port: config.port,
    portVariable: 'ACTIVITY_PORT',
    maxBodyBytes: config.maxBodyBytes,
    // Bulk files arrive as bytes; decoding (and refusing invalid UTF-8) is the parsers' job.
    rawContentTypes: ['text/csv', 'application/x-ndjson'],
    transports: [replica],
    docs: {
      title: 'Nhịp activity',
      description:
        'What community digital technology teams did, for how many residents: single and bulk reports, corrections, voids, campaigns.',
    },
    onClose: async () => {
      await replica.close();
      await relay.stop();
      await messaging.close();
      await dataSource.destroy();
    },
  });
}

main().catch(exitOnStartFailure('activity', 'ACTIVITY_PORT', (e) => e instanceof ConfigError));
