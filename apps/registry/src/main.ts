import 'reflect-metadata';
import { publicTopics } from '@nhip/contracts';
import { OutboxRelay } from '@nhip/event-sourcing';
import { brokerCheck, createMessaging, kafkaConnectionFromEnv, topicPrefixFromEnv } from '@nhip/messaging';
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
import { rebuildReadModelIfStale } from './schema/rebuild-read-model.ts';
import { registryDataSource } from './schema/registry-data-source.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger('registry');
  const messaging = createMessaging(kafkaConnectionFromEnv('nhip-registry'));
  const topicPrefix = topicPrefixFromEnv();
  const { dataSource, pool, databaseUrl } = await openServiceDatabase(config, registryDataSource, log);
  const rebuild = await rebuildReadModelIfStale(pool);
  if (rebuild.rebuilt)
    log.info({ events: rebuild.events }, `read models rebuilt from ${rebuild.events} events`);
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
    onError: (error) => log.error({ err: error }, 'outbox relay failed'),
    outage: outageLog(log, 'database (outbox relay)'),
  });
  await relay.start();
  await serve(AppModule.with(pool, config), {
    name: 'registry',
    logger: log,
    readiness: [
      { name: 'database', probe: () => probeDatabase(pool) },
      reportedBy(brokerCheck(relay.publishing)),
    ],
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
      await dataSource.destroy();
    },
  });
}

main().catch(exitOnStartFailure('registry', 'REGISTRY_PORT', (e) => e instanceof ConfigError));
