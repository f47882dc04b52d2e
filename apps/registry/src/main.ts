import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { migrateEventStore, PostgresEventStore } from '@nhip/event-sourcing';
import { ensureDatabase } from '@nhip/postgres';
import pg from 'pg';
import { AppModule } from './app.module.ts';
import { ConfigError, readConfig } from './config.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const databaseUrl = await ensureDatabase(config.adminDatabaseUrl, config.databaseName);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  await migrateEventStore(pool);
  const adapter = new FastifyAdapter({ bodyLimit: config.maxBodyBytes });
  // Unit lists arrive as CSV bytes; decoding (and refusing invalid UTF-8) is the parser's job.
  adapter.getInstance().addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_req, body, done) => {
    done(null, body);
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.with(new PostgresEventStore(pool)),
    adapter,
    {
      logger: ['error', 'warn'],
      abortOnError: false,
    },
  );
  app.enableShutdownHooks();
  await app.listen(config.port, '127.0.0.1');
  process.stdout.write(`registry listening on http://127.0.0.1:${config.port}\n`);
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
