import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { createServiceDataSource, poolOf, type ServiceDataSourceOptions } from './data-source.ts';
import { migrationsLock, runMigrations } from './run-migrations.ts';

export interface OpenDataSource {
  readonly dataSource: DataSource;
  /** The DataSource's own pool: the one pool of the service. */
  readonly pool: pg.Pool;
  /** Migrations this start ran (none when another instance or the deploy step already had). */
  readonly migrated: readonly string[];
}

/** What a service does at start: connect, bring its schema to the current version, hand out the pool. */
export async function openServiceDataSource(options: ServiceDataSourceOptions): Promise<OpenDataSource> {
  const dataSource = await createServiceDataSource(options).initialize();
  try {
    const migrated = await runMigrations(dataSource, migrationsLock(options.service));
    return { dataSource, pool: poolOf(dataSource), migrated };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
