// The proxy between a real pg.Pool and the test PostgreSQL: what a service's pool sees when the
// path to its database is slow, broken or silent, and that it works again once the path heals.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, postgresAdminUrl } from '@nhip/testing';
import pg from 'pg';
import { TcpFaultProxy } from './tcp-fault-proxy.ts';

// Short enough to keep the suite quick, long enough not to fire on a loaded two-core machine.
const queryTimeoutMs = 1500;

/** The admin URL's credentials, pointed at the proxy (a connection string would override host and port). */
function throughProxy(proxy: TcpFaultProxy): pg.PoolConfig {
  const url = new URL(postgresAdminUrl());
  return {
    ...proxy.endpoint,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1) || 'postgres',
    max: 2,
    query_timeout: queryTimeoutMs,
    connectionTimeoutMillis: queryTimeoutMs,
  };
}

describe('a pg.Pool behind the TCP fault proxy', () => {
  let proxy: TcpFaultProxy;
  let pool: pg.Pool;
  let admin: pg.Pool;
  // What the pool reports about its idle clients; without a listener such an error ends the process.
  const poolErrors: string[] = [];
  const selectOne = async (): Promise<number> =>
    (await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one;

  beforeAll(async () => {
    const url = new URL(postgresAdminUrl());
    proxy = await TcpFaultProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
    pool = new pg.Pool(throughProxy(proxy));
    pool.on('error', (e) => poolErrors.push(e.message));
    admin = new pg.Pool({ connectionString: postgresAdminUrl(), max: 1 });
  });
  afterEach(() => proxy.heal());
  afterAll(async () => {
    await pool.end();
    await admin.end();
    await proxy.close();
  });

  it('answers through the proxy, which counts the bytes both ways', async () => {
    expect(await selectOne()).toBe(1);
    const { bytes, open } = proxy.stats();
    expect(open).toBeGreaterThanOrEqual(1);
    expect(bytes.upstream).toBeGreaterThan(0);
    expect(bytes.downstream).toBeGreaterThan(0);
  });

  it('takes at least the added latency both ways for a query', async () => {
    await selectOne();
    proxy.latency(100);
    const started = performance.now();
    expect(await selectOne()).toBe(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
  });

  it('fails a running query on reset(), reports the idle connection lost, then answers anew', async () => {
    // Two connections, so one is busy and one idle when the reset comes.
    const clients = [await pool.connect(), await pool.connect()];
    for (const client of clients) client.release();
    const errorsBefore = poolErrors.length;
    const sleeping = pool.query("SELECT pg_sleep(1) AS slept, 'proxy-reset' AS tag");
    const failed = sleeping.then(
      () => 'answered',
      (e: unknown) => String(e),
    );
    // Reset while the server is known to be running the query, not before it was sent.
    await eventually(
      async () =>
        (
          await admin.query(
            "SELECT 1 FROM pg_stat_activity WHERE query LIKE '%proxy-reset%' AND pid <> pg_backend_pid()",
          )
        ).rowCount,
    );
    expect(proxy.reset()).toBe(2);
    expect(await failed).toMatch(/ECONNRESET/);
    // An idle client's error reaches the pool's listener; without one it would end the process.
    await eventually(() => poolErrors.length > errorsBefore);
    expect(await selectOne()).toBe(1);
  });

  it('times a query out in a black hole, then answers after heal()', async () => {
    await selectOne();
    proxy.blackhole();
    await expect(selectOne()).rejects.toThrow(/Query read timeout/);
    proxy.heal();
    expect(await selectOne()).toBe(1);
  });

  it('cannot open new connections while refusing, keeps the ones it has, and can after heal()', async () => {
    const held = await pool.connect();
    try {
      proxy.refuse();
      const fresh = new pg.Client(throughProxy(proxy));
      fresh.on('error', () => undefined);
      await expect(fresh.connect()).rejects.toThrow(/ECONNRESET/);
      expect((await held.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
      proxy.heal();
      const after = new pg.Client(throughProxy(proxy));
      await after.connect();
      await after.end();
    } finally {
      held.release();
    }
  });
});
