// How every service starts, in one place: its logger, Kafka client and topics, its database opened
// and migrated, its consumer group (a Nest transport), its outbox relay, then serve(); and, when it
// stops, everything closed in the reverse order. A service's main.ts declares only what differs.
import type { DynamicModule } from '@nestjs/common';
import { OutboxRelay, type EventConsumerOptions } from '@nhip/event-sourcing';
import {
  brokerCheck,
  createMessaging,
  kafkaConnectionFromEnv,
  topicPrefixFromEnv,
  type Messaging,
  type TopicSpec,
} from '@nhip/messaging';
import { EventConsumerTransport } from '@nhip/nest-kafka';
import { probeDatabase, type ServiceDataSourceOptions } from '@nhip/postgres';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { createLogger, type ServiceLogger } from './logger.ts';
import { outageLog, reportedBy } from './probes.ts';
import { exitOnStartFailure, serve, type ServeOptions } from './serve.ts';
import { openServiceDatabase } from './service-database.ts';
import { sweepOrphanedTempFiles } from './temp-files.ts';

export interface ServiceConfigBase {
  readonly port: number;
  readonly maxBodyBytes: number;
  readonly adminDatabaseUrl: string;
  readonly databaseName: string;
}

/** What the service opened, handed to its own parts. */
export interface ServiceContext<C extends ServiceConfigBase> {
  readonly config: C;
  readonly log: ServiceLogger;
  readonly messaging: Messaging;
  readonly topicPrefix: string;
  readonly pool: pg.Pool;
  readonly databaseUrl: string;
  /** Messages on the consumer group's partitions not applied yet (rejects without a consumer). */
  readonly consumerLag: () => Promise<bigint>;
}

export interface ServiceConsumer {
  /** The group's name after the service's, e.g. `kpi.inputs` (prefixed by NHIP_TOPIC_PREFIX). */
  readonly name: string;
  readonly isKnownType: (type: string) => boolean;
  /** The log line of a failed batch, e.g. 'kpi input failed'. */
  readonly failure: string;
  /** Told of what the group set aside, in the transaction moving past it (an answer to its senders). */
  readonly onDeadLetter?: EventConsumerOptions['onDeadLetter'];
}

/** What a service opens besides the shared parts (a hub, a rebuild), and what closes it. */
export interface ServicePart {
  /** Closed first, before the consumer and the relay. */
  close?(): Promise<void>;
}

export interface ServiceDefinition<C extends ServiceConfigBase, P extends ServicePart> {
  /** e.g. "kpi": the logger's, the Kafka client's (nhip-kpi) and the API's name. */
  readonly name: string;
  /** The variable setting the port, named when it is taken, e.g. KPI_PORT. */
  readonly portVariable: string;
  readonly readConfig: () => C;
  readonly isConfigError: (error: unknown) => boolean;
  readonly dataSource: (url: string) => ServiceDataSourceOptions;
  /** Topics it publishes and reads (without the prefix), created at start so it can start first. */
  readonly topics: readonly TopicSpec[];
  readonly consumer?: ServiceConsumer;
  /** Whether it has an outbox to relay (every service that writes events): default true. */
  readonly relay?: boolean;
  /** Opened once the database and topics are there, before consuming starts. */
  readonly open?: (context: ServiceContext<C>) => Promise<P>;
  readonly module: (context: ServiceContext<C>, part: P) => DynamicModule;
  readonly http: Pick<ServeOptions, 'rawContentTypes' | 'streamedUploads' | 'docs' | 'streamRoutes'> & {
    readonly onArrival?: (fastify: FastifyInstance, part: P) => void;
  };
}

/** Starts the service; a failed start ends the process with one sentence (exitOnStartFailure). */
export function startService<C extends ServiceConfigBase, P extends ServicePart = ServicePart>(
  definition: ServiceDefinition<C, P>,
): void {
  const { name, portVariable, isConfigError } = definition;
  run(definition).catch(exitOnStartFailure(name, portVariable, isConfigError));
}

async function run<C extends ServiceConfigBase, P extends ServicePart>(
  definition: ServiceDefinition<C, P>,
): Promise<void> {
  const { name } = definition;
  const config = definition.readConfig();
  const log = createLogger(name);
  const swept = await sweepOrphanedTempFiles(name);
  if (swept.length > 0)
    log.warn({ swept }, `removed ${swept.length} temporary file(s) left by a stopped ${name} process`);
  const messaging = createMessaging(kafkaConnectionFromEnv(`nhip-${name}`));
  const topicPrefix = topicPrefixFromEnv();
  const { dataSource, pool, databaseUrl } = await openServiceDatabase(config, definition.dataSource, log);
  await messaging.admin.ensureTopics(
    definition.topics.map((t) => ({ ...t, name: `${topicPrefix}${t.name}` })),
    {
      onWaiting: (reason) =>
        log.warn(`the Kafka broker is not ready yet (${reason}); ${name} waits for it up to a minute`),
    },
  );
  const consumer = consumerOf(definition.consumer, { topicPrefix, pool, messaging, log });
  const consumerLag = () => consumer?.lag() ?? Promise.reject(new Error(`${name} has no consumer.`));
  const context: ServiceContext<C> = { config, log, messaging, topicPrefix, pool, databaseUrl, consumerLag };
  const part = (await definition.open?.(context)) ?? ({} as P);
  const relay = definition.relay === false ? undefined : await startRelay(context);
  await serve(definition.module(context, part), {
    name,
    logger: log,
    onArrival: (fastify) => definition.http.onArrival?.(fastify, part),
    readiness: [
      { name: 'database', probe: () => probeDatabase(pool) },
      reportedBy(brokerCheck(...(consumer ? [consumer] : []), ...(relay ? [relay.publishing] : []))),
    ],
    port: config.port,
    portVariable: definition.portVariable,
    maxBodyBytes: config.maxBodyBytes,
    rawContentTypes: definition.http.rawContentTypes,
    streamedUploads: definition.http.streamedUploads,
    streamRoutes: definition.http.streamRoutes,
    transports: consumer ? [consumer] : [],
    docs: definition.http.docs,
    onClose: async () => {
      await part.close?.();
      await consumer?.close();
      await relay?.stop();
      await messaging.close();
      await dataSource.destroy();
    },
  });
}

/** The consumer group running the module's @EventPattern handlers; serve() starts it before HTTP. */
function consumerOf(
  consumer: ServiceConsumer | undefined,
  opened: { topicPrefix: string; pool: pg.Pool; messaging: Messaging; log: ServiceLogger },
): EventConsumerTransport | undefined {
  if (!consumer) return undefined;
  const { topicPrefix, pool, messaging, log } = opened;
  return new EventConsumerTransport({
    name: consumer.name,
    topicPrefix,
    pool,
    subscriber: messaging.subscriber,
    publisher: messaging.publisher,
    admin: messaging.admin,
    isKnownType: consumer.isKnownType,
    onError: (error, where) => log.error({ err: error, context: where }, consumer.failure),
    onDeadLetter: consumer.onDeadLetter,
  });
}

async function startRelay(context: ServiceContext<ServiceConfigBase>): Promise<OutboxRelay> {
  const { pool, databaseUrl, messaging, topicPrefix, log } = context;
  const relay = new OutboxRelay({
    pool,
    connectionString: databaseUrl,
    publisher: messaging.publisher,
    topicPrefix,
    onError: (error) => log.error({ err: error }, 'outbox relay failed'),
    outage: outageLog(log, 'database (outbox relay)'),
  });
  await relay.start();
  return relay;
}
