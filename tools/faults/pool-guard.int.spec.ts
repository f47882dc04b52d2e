// The crash of issue 10, reproduced small: a pool client checked out (a transaction in progress)
// when the path to PostgreSQL breaks emits 'error' with no pool listener attached. guardPool gives
// every client one, reports the outage once, and the pool serves again after the heal.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConnectionEpisodes, guardPool, isConnectionError } from '@nhip/postgres';
import { eventually, postgresAdminUrl } from '@nhip/testing';
import pg from 'pg';
import { TcpFaultProxy } from './tcp-fault-proxy.ts';

describe('a guarded pg.Pool behind the TCP fault proxy', () => {
  let proxy: TcpFaultProxy;
  let pool: pg.Pool;
  const told: string[] = [];
  const episodes = new ConnectionEpisodes({
    lost: () => told.push('lost'),
    back: () => told.push('back'),
  });

  beforeAll(async () => {
    proxy = await TcpFaultProxy.inFrontOf(postgresAdminUrl());
    pool = new pg.Pool({
      connectionString: proxy.urlThrough(postgresAdminUrl()),
      max: 3,
      connectionTimeoutMillis: 1000,
    });
    guardPool(pool, episodes);
  });
  afterAll(async () => {
    proxy.heal();
    await pool.end();
    await proxy.close();
  });

  it('survives a break under a checked-out client, tells it once, and serves after the heal', async () => {
    const held = await pool.connect();
    await held.query('BEGIN');
    const idle = await Promise.all([pool.connect(), pool.connect()]);
    idle.forEach((client) => client.release()); // two idle clients that will break too
    proxy.refuse();
    proxy.reset();
    // The checked-out client learns of the break by its 'error' event, which guardPool now hears.
    await eventually(() => episodes.down);
    const failed = await held.query('SELECT 1').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isConnectionError(failed)).toBe(true);
    held.release(failed as Error);
    const refused = await pool.query('SELECT 1').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isConnectionError(refused)).toBe(true);
    expect(told).toEqual(['lost']);
    proxy.heal();
    const { rows } = await pool.query<{ one: number }>('SELECT 1 AS one');
    expect(rows[0]?.one).toBe(1);
    expect(told).toEqual(['lost', 'back']);
  });
});
