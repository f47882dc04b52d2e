// The deploy step, shipped as `node dist/migrate.js`: brings the projection database to the current
// schema before instances start. Instances also migrate at start under the same advisory lock, so
// this only moves the work out of their way. `npm run migrate -- projection [generate <ClassName>]`
// runs it from the source tree and prints its log lines as sentences.
import { fileURLToPath } from 'node:url';
import { runMigrateCommand } from '@nhip/postgres';
// The logger alone: the package's index loads the Nest edge, which type stripping cannot run.
import { createLogger } from '@nhip/service-http/logger';
import { readConfig } from './config.ts';
import { projectionDataSource } from './schema/projection-data-source.ts';

const log = createLogger('projection');

async function main(args: readonly string[]): Promise<void> {
  const config = readConfig();
  await runMigrateCommand(args, {
    service: 'projection',
    adminUrl: config.adminDatabaseUrl,
    databaseName: config.databaseName,
    dataSource: projectionDataSource,
    schemaDir: fileURLToPath(new URL('schema/', import.meta.url)),
    dataSourceFile: 'projection-data-source.ts',
    log,
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  log.fatal({ err: error }, `projection migration failed: ${reason}`);
  process.exitCode = 1;
});
