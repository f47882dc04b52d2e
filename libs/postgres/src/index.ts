export {
  createServiceDataSource,
  defaultConnectTimeoutMs,
  migrationsTable,
  poolOf,
  type MigrationClass,
  type ServiceDataSourceOptions,
} from './data-source.ts';
export { ensureDatabase, redactUrl } from './ensure-database.ts';
export { databaseStartingAnswer, whileDatabaseStarts, type StartingOptions } from './database-starting.ts';
export { migrate } from './migrate.ts';
export {
  openServiceDataSource,
  type OpenDataSource,
  type OpenServiceDataSourceOptions,
} from './open-service-data-source.ts';
export { migrationsLock, runMigrations } from './run-migrations.ts';
export { generateMigration, type GenerateMigrationOptions } from './generate-migration.ts';
export {
  MigrateUsageError,
  parseMigrateArgs,
  runMigrateCommand,
  type MigrateCommandOptions,
  type MigrateLog,
} from './migrate-command.ts';
export {
  backoffMs,
  ConnectionEpisodes,
  databaseTimeoutsFromEnv,
  guardPool,
  isConnectionError,
  probeDatabase,
  type DatabaseTimeouts,
  type OutageLog,
} from './connection-faults.ts';
export {
  beforeAnyWrite,
  beforeRequestWrites,
  failedBeforeWrite,
  markFailedBeforeWrite,
  soleWriteFailed,
  wroteNothing,
} from './not-committed.ts';
