import 'reflect-metadata';
import { publicTopics } from '@nhip/contracts';
import { OutboxRelay } from '@nhip/event-sourcing';
import {
  brokerCheck,
  createMessaging,
  kafkaConnectionFromEnv,
  topicPrefixFromEnv,
  type TopicSpec,
} from '@nhip/messaging';
import { EventConsumerTransport } from '@nhip/nest-kafka';
import { probeDatabase } from '@nhip/postgres';
import {
  createLogger,
  exitOnStartFailure,
  openServiceDatabase,
  outageLog,
  reportedBy,
  serve,
} from '@nhip/service-http';
import { AppModule } from './app.module.ts';
import { ConfigError, readConfig } from './config.ts';
import { isReplicaType, ReplicaLag } from './registry-replica/follow-registry/index.ts';
import { activityDataSource } from './schema/activity-data-source.ts';
import { refuseAnonymousOnArrival } from '@nhip/auth';

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger('activity');
  const messaging = createMessaging(kafkaConnectionFromEnv('nhip-activity'));
  const topicPrefix = topicPrefixFromEnv();
  const { dataSource, pool, databaseUrl } = await openServiceDatabase(config, activityDataSource, log);
  await messaging.admin.ensureTopics(topicsOf(topicPrefix));
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
    outage: outageLog(log, 'database (outbox relay)'),
  });
  await relay.start();

  await serve(AppModule.with(pool, config, new ReplicaLag(() => replica.lag())), {
    name: 'activity',
    logger: log,
    onArrival: refuseAnonymousOnArrival,
    readiness: [
      { name: 'database', probe: () => probeDatabase(pool) },
      reportedBy(brokerCheck(replica, relay.publishing)),
    ],
    port: config.port,
    portVariable: 'ACTIVITY_PORT',
    maxBodyBytes: config.maxBodyBytes,
    // Bulk files arrive as bytes; decoding (and refusing invalid UTF-8) is the parsers' job.
    rawContentTypes: ['text/csv', 'application/x-ndjson'],
    transports: [replica],
    docs,
    onClose: async () => {
      await replica.close();
      await relay.stop();
      await messaging.close();
      await dataSource.destroy();
    },
  });
}

/** What this service publishes and reads. Partitions bound the KPI service's parallelism. */
const topicsOf = (prefix: string): TopicSpec[] =>
  [
    { name: publicTopics.activity, partitions: 12 }, // keyed by commune
    { name: publicTopics.campaign, partitions: 3 },
    { name: publicTopics.registryUnit, partitions: 3 },
    { name: publicTopics.registryTeam, partitions: 6 },
  ].map((t) => ({ ...t, name: `${prefix}${t.name}` }));

const docs = {
  title: 'Nhịp activity',
  description:
    'What community digital technology teams did, for how many residents: single and bulk reports, corrections, voids, campaigns.',
};

main().catch(exitOnStartFailure('activity', 'ACTIVITY_PORT', (e) => e instanceof ConfigError));
