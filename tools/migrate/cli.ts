// npm run migrate -- <service>                  the deploy step: run the service's pending migrations
// npm run migrate -- <service> generate <Name>  write a migration for what the entities changed
// A service also migrates at start, under the same advisory lock, so running this first only moves
// the schema change out of the start-up path (and out of every instance's way).
import { ensureDatabase, migrationsLock, openServiceDataSource, redactUrl } from '@nhip/postgres';
import { describeFailure, InfraError } from '../infra/infra-error.ts';
import { ensurePostgres } from '../infra/postgres.ts';
import { generateMigration } from './generate.ts';
import { migratedServices } from './services.ts';

const usage = `usage: npm run migrate -- <${Object.keys(migratedServices).join('|')}> [generate <ClassName>]`;

async function main([name = '', command, className]: string[]): Promise<void> {
  const service = migratedServices[name];
  if (!service || (command !== undefined && command !== 'generate')) throw new InfraError(usage);
  const { adminUrl } = await ensurePostgres();
  const url = await ensureDatabase(adminUrl, service.databaseName(adminUrl));
  console.log(`${name}: ${redactUrl(url)} (lock ${migrationsLock(name)})`);
  const { dataSource, migrated } = await openServiceDataSource(service.dataSource(url));
  try {
    for (const migration of migrated) console.log(`  ✔ ran ${migration}`);
    if (migrated.length === 0) console.log('  no pending migration: the schema is current');
    if (command !== 'generate') return;
    if (!className) throw new InfraError(usage);
    const file = await generateMigration(dataSource, service, className, Date.now());
    console.log(
      file
        ? `  wrote ${file}: list it last in ${service.dataSourceFile}, run prettier, and say why in its comment`
        : '  the entities match the database: nothing to generate',
    );
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(describeFailure(error));
  process.exit(1);
});
