import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { publicTopics } from '@nhip/contracts';
import { migrateEventStore, OutboxRelay } from '@nhip/event-sourcing';
import { createMessaging, kafkaConnectionFromEnv, topicPrefixFromEnv } from '@nhip/messaging';
import { ensureDatabase } from '@nhip/postgres';
import pg from 'pg';
import { AppModule } from './app.module.ts';
import { ConfigError, readConfig } from './config.ts';
import { migrateReadModel } from './read-model/migrate-read-model.ts';
import { rebuildReadModelIfStale } from './read-model/rebuild-read-model.ts';
import { answerTooLargeWithoutReset, mountApiDocs } from '@nhip/service-http';

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

  const adapter = new FastifyAdapter({ bodyLimit: config.maxBodyBytes });
  answerTooLargeWithoutReset(adapter.getInstance());
  // Unit lists arrive as CSV bytes; decoding (and refusing invalid UTF-8) is the parser's job.
  adapter.getInstance().addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_req, body, done) => {
    done(null, body);
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.with(pool), adapter, {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  mountApiDocs(
    app,
    'Nhịp registry',
    'Administrative units (levels are data), community digital technology teams and their members.',
  );
  app.enableShutdownHooks();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onClose', async () => {
      await relay.stop();
      await messaging.close();
      await pool.end();
    });
  await app.listen(config.port, '127.0.0.1');
  process.stdout.write(`registry listening on http://127.0.0.1:${config.port} (API docs at /docs)\n`);
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  const message =
    error instanceof ConfigError
      ? error.message
      : code === 'EADDRINUSE'
        ? `The registry's port is in use: stop what holds it, or set REGISTRY_PORT to a free port.`
        : `registry failed to start: ${String(error)}`;
  process.stderr.write(`✖ ${message}\n`);
  process.exit(1);
});
