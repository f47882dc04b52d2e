import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicTopics } from '@nhip/contracts';
import {
  brokerCheck,
  createMessaging,
  kafkaConnectionFromEnv,
  topicPrefixFromEnv,
  type TopicSpec,
} from '@nhip/messaging';
import { EventConsumerTransport } from '@nhip/nest-kafka';
import { probeDatabase } from '@nhip/postgres';
import { createLogger, exitOnStartFailure, openServiceDatabase, reportedBy, serve } from '@nhip/service-http';
import { AppModule } from './app.module.ts';
import { ConfigError, readConfig } from './config.ts';
import { InputLag } from './health/input-lag.ts';
import { changesChannel, isKpiType } from './read-models/follow-kpi/index.ts';
import { isReplicaType } from './read-models/follow-registry/index.ts';
import { projectionDataSource } from './schema/projection-data-source.ts';
import { ChangeHub } from './stream/live-stream/index.ts';
import { projectionArrival } from './web/arrival.ts';

/** The dashboard the web build leaves beside this app (apps/ioc-web/dist), served at / when present. */
const dashboardDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'ioc-web',
  'dist',
);

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger('projection');
  const messaging = createMessaging(kafkaConnectionFromEnv('nhip-projection'));
  const topicPrefix = topicPrefixFromEnv();
  const { dataSource, pool, databaseUrl } = await openServiceDatabase(config, projectionDataSource, log);
  await messaging.admin.ensureTopics(topicsOf(topicPrefix));
  // One group over the KPI and registry topics: values, units and names commit with their offsets.
  const inputs = new EventConsumerTransport({
    name: 'projection.inputs',
    topicPrefix,
    pool,
    subscriber: messaging.subscriber,
    publisher: messaging.publisher,
    isKnownType: (type) => isKpiType(type) || isReplicaType(type),
    onError: (error, context) => log.error({ err: error, context }, 'projection input failed'),
  });
  const hub = new ChangeHub({
    pool,
    connectionString: databaseUrl,
    channel: changesChannel,
    retentionMs: config.retentionMs,
    heartbeatMs: config.heartbeatMs,
    onError: (error, context) => log.error({ err: error, context }, 'change hub failed'),
  });
  await hub.start();

  await serve(AppModule.with({ pool, config, inputs: new InputLag(() => inputs.lag()), hub }), {
    name: 'projection',
    logger: log,
    onArrival: (fastify) => {
      projectionArrival(process.env['PROJECTION_WEB_DIR'] ?? dashboardDir)(fastify);
      // Open streams never finish by themselves: told why and ended first, so shutdown does not wait on them.
      fastify.addHook('preClose', () => hub.close());
    },
    readiness: [{ name: 'database', probe: () => probeDatabase(pool) }, reportedBy(brokerCheck(inputs))],
    port: config.port,
    portVariable: 'PROJECTION_PORT',
    maxBodyBytes: config.maxBodyBytes,
    rawContentTypes: [],
    transports: [inputs],
    docs,
    onClose: async () => {
      await hub.close();
      await inputs.close();
      await messaging.close();
      await dataSource.destroy();
    },
  });
}

/** What this service reads; created here too, so it can start before the services that write them. */
const topicsOf = (prefix: string): TopicSpec[] =>
  [
    { name: publicTopics.kpiIndicator, partitions: 6 }, // keyed by unit
    { name: publicTopics.registryUnit, partitions: 3 },
    { name: publicTopics.registryTeam, partitions: 6 },
  ].map((t) => ({ ...t, name: `${prefix}${t.name}` }));

const docs = {
  title: 'Nhịp projection',
  description:
    'Live, scoped read models of the indicators for the IOC and district OCs: a unit’s summary with trends and coverage, series and explanations through the KPI service, and a Server-Sent Events stream of changes resumable by Last-Event-ID.',
};

main().catch(exitOnStartFailure('projection', 'PROJECTION_PORT', (e) => e instanceof ConfigError));
