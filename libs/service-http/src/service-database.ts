// How every service opens its database: created if missing, migrated before anything reads, one
// pool for TypeORM and the hand-written SQL alike, each outage of it logged once (ADR 0013, 0018);
// a server still starting up is waited for, up to a minute (database-starting.ts in @nhip/postgres).
import {
  databaseTimeoutsFromEnv,
  ensureDatabase,
  openServiceDataSource,
  whileDatabaseStarts,
  type OpenDataSource,
  type ServiceDataSourceOptions,
} from '@nhip/postgres';
import type { ServiceLogger } from './logger.ts';
import { outageLog } from './probes.ts';

export async function openServiceDatabase(
  config: { readonly adminDatabaseUrl: string; readonly databaseName: string },
  dataSource: (url: string) => ServiceDataSourceOptions,
  log: ServiceLogger,
): Promise<OpenDataSource & { readonly databaseUrl: string }> {
  const onWaiting = (reason: string) =>
    log.warn(`the database is not ready yet (${reason}); the start waits for it up to a minute`);
  const databaseUrl = await whileDatabaseStarts(
    () => ensureDatabase(config.adminDatabaseUrl, config.databaseName),
    { onWaiting },
  );
  const opened = await whileDatabaseStarts(
    () =>
      openServiceDataSource({
        ...dataSource(databaseUrl),
        ...databaseTimeoutsFromEnv(),
        outage: outageLog(log, 'database (pool)'),
      }),
    { onWaiting },
  );
  const { migrated } = opened;
  if (migrated.length > 0) log.info({ migrations: migrated }, `migrations run: ${migrated.join(', ')}`);
  return { ...opened, databaseUrl };
}
