import type pg from 'pg';

/**
 * Runs idempotent DDL (CREATE … IF NOT EXISTS) in one transaction, one process at a time:
 * concurrent CREATE TABLE IF NOT EXISTS can still collide on the catalog when several instances
 * start together, so they queue on an advisory lock named after what they migrate.
 */
export async function migrate(pool: pg.Pool, name: string, statements: readonly string[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
    for (const sql of statements) await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
