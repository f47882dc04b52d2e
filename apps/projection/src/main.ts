import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerSchemas, publicTopics } from '@nhip/contracts';
import { startService } from '@nhip/service-http';
import { AppModule } from './app.module.ts';
import { ConfigError, consumerGroup, readConfig } from './config.ts';
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

startService({
  name: 'projection',
  portVariable: 'PROJECTION_PORT',
  readConfig,
  isConfigError: (e) => e instanceof ConfigError,
  dataSource: projectionDataSource,
  // What this service reads; created here too, so it can start before the services that write them.
  topics: [
    { name: publicTopics.kpiIndicator, partitions: 6 }, // keyed by unit
    { name: publicTopics.registryUnit, partitions: 3 },
  ],
  // One group over the KPI and the registry's unit topics: values, units and names commit with their offsets.
  consumer: {
    name: consumerGroup,
    isKnownType: (type) => isKpiType(type) || isReplicaType(type),
    failure: 'projection input failed',
  },
  // Reads only: no outbox to relay.
  relay: false,
  open: async ({ pool, databaseUrl, config, log }) => {
    const hub = new ChangeHub({
      pool,
      connectionString: databaseUrl,
      channel: changesChannel,
      retentionMs: config.retentionMs,
      heartbeatMs: config.heartbeatMs,
      onError: (error, context) => log.error({ err: error, context }, 'change hub failed'),
    });
    await hub.start();
    return { hub, close: () => hub.close() };
  },
  module: ({ pool, config, consumerLag }, { hub }) =>
    AppModule.with({ pool, config, inputs: new InputLag(consumerLag), hub }),
  http: {
    onArrival: (fastify, { hub }) => {
      projectionArrival(process.env['PROJECTION_WEB_DIR'] ?? dashboardDir)(fastify);
      // Open streams never finish by themselves: told why and ended first, so shutdown does not wait on them.
      fastify.addHook('preClose', () => hub.close());
    },
    rawContentTypes: [],
    // Held open for the screen's life: logged when it closes, without a request logger kept per stream.
    streamRoutes: ['/api/stream'],
    docs: {
      title: 'Nhịp projection',
      description:
        'Live, scoped read models of the indicators for the IOC and district OCs: a unit’s summary with trends and coverage, series and explanations through the KPI service, and a Server-Sent Events stream of changes resumable by Last-Event-ID.',
      // The series and explanations it passes on are the KPI service's answers.
      schemas: answerSchemas,
    },
  },
});
