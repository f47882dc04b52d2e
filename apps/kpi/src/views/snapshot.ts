// A read of several statements that must agree with one another (a figure and the source events
// listed under it): one REPEATABLE READ, READ ONLY transaction, so every statement sees the same
// committed state, whatever the consumer commits meanwhile.
import type pg from 'pg';

export async function inSnapshot<T>(pool: pg.Pool, read: (db: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await read(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
