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
import { trainingDataSource } from './schema/training-data-source.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger('training');
  const messaging = createMessaging(kafkaConnectionFromEnv('nhip-training'));
  const topicPrefix = topicPrefixFromEnv();
  const { dataSource, pool, databaseUrl } = await openServiceDatabase(config, trainingDataSource, log);
  await messaging.admin.ensureTopics(topicsOf(topicPrefix));
  // Runs RegistryReplicaController's @EventPattern handlers; serve() starts it before HTTP.
  const replica = new EventConsumerTransport({
    name: 'training.registry-replica',
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
    name: 'training',
    logger: log,
    readiness: [
      { name: 'database', probe: () => probeDatabase(pool) },
      reportedBy(brokerCheck(replica, relay.publishing)),
    ],
    port: config.port,
    portVariable: 'TRAINING_PORT',
    maxBodyBytes: config.maxBodyBytes,
    // Completion lists arrive as bytes; decoding (and refusing invalid UTF-8) is the parser's job.
    rawContentTypes: ['text/csv'],
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

/** What this service publishes and reads. */
const topicsOf = (prefix: string): TopicSpec[] =>
  [
    { name: publicTopics.trainingCourse, partitions: 1 },
    { name: publicTopics.trainingSession, partitions: 3 },
    { name: publicTopics.trainingAttendance, partitions: 12 }, // keyed by member
    { name: publicTopics.registryUnit, partitions: 3 },
    { name: publicTopics.registryTeam, partitions: 6 },
  ].map((t) => ({ ...t, name: `${prefix}${t.name}` }));

const docs = {
  title: 'Nhịp training',
  description:
    'Courses, sessions (in person, or online with bridge points), attendance one by one, by list or from a completion list, and which members are trained.',
};

main().catch(exitOnStartFailure('training', 'TRAINING_PORT', (e) => e instanceof ConfigError));
