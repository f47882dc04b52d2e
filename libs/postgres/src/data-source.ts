// One TypeORM DataSource per service: it owns the service's only pg pool. TypeORM describes the
// schema (entities) and versions it (migrations); the hot paths keep their hand-written SQL and
// run on the same pool, taken from the driver (docs/adr/0013).
import pg from 'pg';
import { DataSource, type EntitySchema, type MigrationInterface } from 'typeorm';
import { SnakeCaseNaming } from './snake-case-naming.ts';

export type MigrationClass = new () => MigrationInterface;

export interface ServiceDataSourceOptions {
  readonly url: string;
  /** Names the connections in pg_stat_activity and the migrations lock. */
  readonly service: string;
  readonly entities: readonly EntitySchema[];
  readonly migrations: readonly MigrationClass[];
  readonly poolSize: number;
  /** A request waits this long for a connection, then fails (503), instead of hanging. */
  readonly connectTimeoutMs?: number;
  /** Client-side bound on one statement: what ends a query on a silent (black-holed) path. */
  readonly queryTimeoutMs?: number;
  /** An idle client's error (e.g. the server restarted) must not crash the service. */
  readonly onPoolError?: (error: Error) => void;
}

/** Used when a service sets none: long enough for a loaded pool, short enough for a client to see 503. */
export const defaultConnectTimeoutMs = 5000;

/** Every service records its applied migrations in a table of this name in its own database. */
export const migrationsTable = 'nhip_migrations';

export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    // The services' own pg module, so the pool TypeORM builds is the pg.Pool the SQL paths expect.
    driver: pg,
    poolSize: options.poolSize,
    connectTimeoutMS: options.connectTimeoutMs ?? defaultConnectTimeoutMs,
    ...(options.queryTimeoutMs ? { extra: { query_timeout: options.queryTimeoutMs } } : {}),
    applicationName: `nhip-${options.service}`,
    entities: [...options.entities],
    migrations: [...options.migrations],
    migrationsTableName: migrationsTable,
    namingStrategy: new SnakeCaseNaming(),
    migrationsRun: false,
    synchronize: false,
    // Extensions are created by migrations, never implicitly at connect time.
    installExtensions: false,
    logging: false,
    ...(options.onPoolError ? { poolErrorHandler: options.onPoolError } : {}),
  });
}

/** The DataSource's pool, for the event store, outbox, consumers and queries that use pg directly. */
export function poolOf(dataSource: DataSource): pg.Pool {
  if (!dataSource.isInitialized) throw new Error('Initialize the DataSource before taking its pool.');
  const { master } = dataSource.driver as unknown as { master: unknown };
  if (!(master instanceof pg.Pool)) throw new Error('The DataSource is not a PostgreSQL one with a pg pool.');
  return master;
}
