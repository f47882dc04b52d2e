import { type DataSource, MigrationExecutor } from 'typeorm';

const lockSql = 'SELECT pg_advisory_lock(hashtext($1))';
const unlockSql = 'SELECT pg_advisory_unlock(hashtext($1))';

/**
 * Runs the DataSource's pending migrations, all in one transaction, one process at a time.
 * TypeORM takes no lock of its own: two instances starting together would both see a migration as
 * pending (and race to create the migrations table), so they queue on a session advisory lock held
 * on the connection that runs the migrations; the second finds nothing left to do.
 * Returns the names of the migrations this call ran, oldest first. On failure, destroy the
 * DataSource (openServiceDataSource does): closing its connections is what guarantees the lock ends.
 */
export async function runMigrations(dataSource: DataSource, lockName: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner('master');
  await runner.connect();
  try {
    await runner.query(lockSql, [lockName]);
    let ran: string[];
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'all';
      ran = (await executor.executePendingMigrations()).map((migration) => migration.name);
    } catch (error) {
      // The original error is the one to report. Callers destroy the DataSource on failure, which
      // ends this session and with it the lock, even if this unlock cannot run.
      await runner.query(unlockSql, [lockName]).catch(() => undefined);
      throw error;
    }
    await runner.query(unlockSql, [lockName]);
    return ran;
  } finally {
    await runner.release();
  }
}

/** The lock both a service's start and its deploy step take, so neither runs beside the other. */
export const migrationsLock = (service: string): string => `nhip.${service}.migrations`;
