// How every service opens its database: created if missing, migrated before anything reads, one
// pool for TypeORM and the hand-written SQL alike, each outage of it logged once (ADR 0013, 0018).
import {
  databaseTimeoutsFromEnv,
  ensureDatabase,
  openServiceDataSource,
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
  const databaseUrl = await ensureDatabase(config.adminDatabaseUrl, config.databaseName);
  const opened = await openServiceDataSource({
    ...dataSource(databaseUrl),
    ...databaseTimeoutsFromEnv(),
    outage: outageLog(log, 'database (pool)'),
  });
  const { migrated } = opened;
  if (migrated.length > 0) log.info({ migrations: migrated }, `migrations run: ${migrated.join(', ')}`);
  return { ...opened, databaseUrl };
}
