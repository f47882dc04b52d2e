import 'reflect-metadata';
import { partnerTopics, publicTopics } from '@nhip/contracts';
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
import { InputLag } from './health/input-lag.ts';
import { isActivityType } from './inputs/count-activity/index.ts';
import { isTrainingType } from './inputs/count-training/index.ts';
import { isRegistryType } from './inputs/follow-registry/index.ts';
import { isPartnerStatisticType } from './statistics/partner-statistics/index.ts';
import { kpiDataSource } from './schema/kpi-data-source.ts';
import { refuseAnonymousOnArrival } from '@nhip/auth';

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger('kpi');
  const messaging = createMessaging(kafkaConnectionFromEnv('nhip-kpi'));
  const topicPrefix = topicPrefixFromEnv();
  const { dataSource, pool, databaseUrl } = await openServiceDatabase(config, kpiDataSource, log);
  await messaging.admin.ensureTopics(topicsOf(topicPrefix));
  // Runs the inputs' @EventPattern handlers in one consumer group; serve() starts it before HTTP.
  const inputs = new EventConsumerTransport({
    name: 'kpi.inputs',
    topicPrefix,
    pool,
    subscriber: messaging.subscriber,
    publisher: messaging.publisher,
    isKnownType: (type) =>
      [isActivityType, isRegistryType, isTrainingType, isPartnerStatisticType].some((known) => known(type)),
    onError: (error, context) => log.error({ err: error, context }, 'kpi input failed'),
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

  await serve(AppModule.with(pool, config, new InputLag(() => inputs.lag())), {
    name: 'kpi',
    logger: log,
    onArrival: refuseAnonymousOnArrival,
    readiness: [
      { name: 'database', probe: () => probeDatabase(pool) },
      reportedBy(brokerCheck(inputs, relay.publishing)),
    ],
    port: config.port,
    portVariable: 'KPI_PORT',
    maxBodyBytes: config.maxBodyBytes,
    rawContentTypes: [],
    transports: [inputs],
    docs,
    onClose: async () => {
      await inputs.close();
      await relay.stop();
      await messaging.close();
      await dataSource.destroy();
    },
  });
}

/** What this service publishes and reads; the readers' topics are created here too, so it can start first. */
const topicsOf = (prefix: string): TopicSpec[] =>
  [
    { name: publicTopics.kpiIndicator, partitions: 6 }, // keyed by unit
    { name: publicTopics.activity, partitions: 12 },
    { name: publicTopics.registryUnit, partitions: 3 },
    { name: publicTopics.registryTeam, partitions: 6 },
    { name: publicTopics.trainingAttendance, partitions: 12 }, // keyed by member
    { name: partnerTopics.statistics, partitions: 3 },
    { name: `${partnerTopics.statistics}.dlt`, partitions: 1 },
  ].map((t) => ({ ...t, name: `${prefix}${t.name}` }));

const docs = {
  title: 'Nhịp KPI',
  description:
    'Indicators of community digital transformation for every unit and period, rolled up the unit tree, explainable down to their source events, and as known at any time.',
};

main().catch(exitOnStartFailure('kpi', 'KPI_PORT', (e) => e instanceof ConfigError));
