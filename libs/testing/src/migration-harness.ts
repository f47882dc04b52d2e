// What a service's migration spec needs: start the service's DataSource on a database as the
// service would, look at that database with a plain pool, and close all of it afterwards.
import { openServiceDataSource, type OpenDataSource, type ServiceDataSourceOptions } from '@nhip/postgres';
import pg from 'pg';

export interface MigrationHarness {
  /** Opens the DataSource as the service does at start: migrations run under their lock. */
  readonly start: (url: string) => Promise<OpenDataSource>;
  /** A pool that runs no migration, for setting up an old database and reading what is there. */
  readonly plainPool: (url: string) => pg.Pool;
  readonly close: () => Promise<void>;
}

export function migrationHarness(dataSource: (url: string) => ServiceDataSourceOptions): MigrationHarness {
  const opened: OpenDataSource[] = [];
  const pools: pg.Pool[] = [];
  return {
    start: async (url) => {
      const service = await openServiceDataSource(dataSource(url));
      opened.push(service);
      return service;
    },
    plainPool: (url) => {
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      pools.push(pool);
      return pool;
    },
    close: async () => {
      for (const { dataSource: ds } of opened) if (ds.isInitialized) await ds.destroy();
      for (const pool of pools) await pool.end();
    },
  };
}
