import { type DataSource, MigrationExecutor } from 'typeorm';

/**
 * Runs the DataSource's pending migrations, all in one transaction, one process at a time.
 * TypeORM takes no lock of its own: two instances starting together would both see a migration as
 * pending (and race to create the migrations table), so they queue on a session advisory lock held
 * on the connection that runs the migrations; the second finds nothing left to do.
 * Returns the names of the migrations this call ran, oldest first.
 */
export async function runMigrations(dataSource: DataSource, lockName: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner('master');
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lockName]);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'all';
      const ran = await executor.executePendingMigrations();
      return ran.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName]);
    }
  } finally {
    await runner.release();
  }
}

/** The lock both a service's start and its deploy step take, so neither runs beside the other. */
export const migrationsLock = (service: string): string => `nhip.${service}.migrations`;
