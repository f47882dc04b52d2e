import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { ConnectionEpisodes, guardPool, type OutageLog } from './connection-faults.ts';
import { createServiceDataSource, poolOf, type ServiceDataSourceOptions } from './data-source.ts';
import { migrationsLock, runMigrations } from './run-migrations.ts';

export interface OpenDataSource {
  readonly dataSource: DataSource;
  /** The DataSource's own pool: the one pool of the service. */
  readonly pool: pg.Pool;
  /** Migrations this start ran (none when another instance or the deploy step already had). */
  readonly migrated: readonly string[];
}

export interface OpenServiceDataSourceOptions extends Omit<ServiceDataSourceOptions, 'onPoolError'> {
  /** Told once when the pool loses the database and once when it reaches it again. */
  readonly outage?: OutageLog;
}

/** What a service does at start: connect, bring its schema to the current version, hand out the pool. */
export async function openServiceDataSource(options: OpenServiceDataSourceOptions): Promise<OpenDataSource> {
  const episodes = new ConnectionEpisodes(options.outage ?? { lost: () => undefined, back: () => undefined });
  const dataSource = await createServiceDataSource({
    ...options,
    // guardPool below hears the pool's errors; this only keeps TypeORM's default warning out.
    onPoolError: () => undefined,
  }).initialize();
  try {
    const pool = poolOf(dataSource);
    guardPool(pool, episodes);
    const migrated = await runMigrations(dataSource, migrationsLock(options.service));
    return { dataSource, pool, migrated };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
