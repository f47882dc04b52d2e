// The registry as it ships, its database behind the TCP fault proxy: while the path is broken,
// refused or silent, writes answer 503 with Retry-After, liveness stays up and readiness says the
// database is missing; once it heals the service answers again by itself and every acknowledged
// write is stored. (Here, not under apps/: a service spec may not import tools, ADR 0018.)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, type Reply, type RunningService } from '@nhip/testing';
import { pendingOutboxOf, startBehindDatabaseProxy } from './behind-database-proxy.ts';
import type { TcpFaultProxy } from './tcp-fault-proxy.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pilot = fs.readFileSync(path.join(root, 'apps', 'registry', 'src', 'fixtures', 'dak-lak-pilot.csv'));

interface Problem {
  readonly type: string;
  readonly status: number;
  readonly detail: string;
}

describe('registry through a database outage (TCP fault proxy)', () => {
  let proxy: TcpFaultProxy;
  let registry: RunningService;
  let stop: () => Promise<void>;
  /** Trees whose import was answered 200: each must be stored, whatever happened after. */
  const acknowledged: string[] = [];
  let refusedWrites = 0;
  let sequence = 0;

  /** One write: a unit list imported into a tree of its own. */
  async function write(): Promise<Reply<Problem>> {
    const tree = `outage-${++sequence}`;
    const reply = await registry.post<Problem>(
      `/unit-trees/${tree}/imports?effectiveFrom=2008-08-01`,
      pilot,
      {
        'content-type': 'text/csv',
      },
    );
    if (reply.status === 200) acknowledged.push(tree);
    if (reply.status === 503) refusedWrites++;
    return reply;
  }

  /** While the fault lasts: writes refused with 503 naming the database, live up, ready down. */
  async function expectUnavailableFor(ms: number): Promise<void> {
    const until = Date.now() + ms;
    let rounds = 0;
    while (Date.now() < until || rounds < 2) {
      const [written, live, ready] = await Promise.all([
        write(),
        registry.get('/health/live'),
        registry.get<Problem>('/health/ready'),
      ]);
      expect(written.status).toBe(503);
      expect(written.contentType).toMatch(/^application\/problem\+json/);
      expect(written.headers.get('retry-after')).toBe('2');
      expect(written.body.type).toMatch(/database-unavailable$/);
      expect(live.status).toBe(200);
      expect(ready.status).toBe(503);
      expect(ready.body.detail).toMatch(/^database unreachable: /);
      rounds++;
    }
  }

  /** After heal(): within a bounded time, ready again and writes acknowledged, without a restart. */
  async function expectRecoveredWithin(ms: number): Promise<number> {
    const started = Date.now();
    await eventually(async () => (await registry.get('/health/ready')).status === 200, { timeoutMs: ms });
    await eventually(async () => (await write()).status === 200, { timeoutMs: ms, intervalMs: 200 });
    for (let i = 0; i < 3; i++) expect((await write()).status).toBe(200);
    return Date.now() - started;
  }

  beforeAll(async () => {
    ({
      proxy,
      service: registry,
      stop,
    } = await startBehindDatabaseProxy({
      service: 'registry',
      envPrefix: 'REGISTRY',
      purpose: 'db_outage',
      // A short query bound too, so a black hole turns into 503s within the test's patience.
      env: { NHIP_DB_QUERY_TIMEOUT_MS: '2000' },
    }));
    for (let i = 0; i < 3; i++) expect((await write()).status).toBe(200);
  });
  afterAll(async () => {
    await stop();
  });

  it('answers 503 while the database restarts (connections reset, new ones refused), then recovers', async () => {
    proxy.refuse();
    proxy.reset();
    await expectUnavailableFor(3000);
    proxy.heal();
    expect(await expectRecoveredWithin(15_000)).toBeLessThan(15_000);
  });

  it('answers 503 while the path to the database is silent (black hole), then recovers', async () => {
    proxy.blackhole();
    await expectUnavailableFor(4000);
    proxy.heal();
    expect(await expectRecoveredWithin(20_000)).toBeLessThan(20_000);
  });

  it('stores every acknowledged write, publishes them all, and logged each outage, not each refusal', async () => {
    const rows = await registry.sql<{ stream_id: string }>('SELECT stream_id FROM es_streams');
    const streams = new Set(rows.map((row) => row.stream_id));
    const missing = acknowledged.filter((tree) => !streams.has(`unit-tree-${tree}`));
    expect(acknowledged.length).toBeGreaterThanOrEqual(9);
    expect(missing).toEqual([]);
    // The relay lost its database too, and caught up by itself.
    await eventually(async () => (await pendingOutboxOf(registry)) === 0, { timeoutMs: 30_000 });
    const outageLines = registry.output().match(/database \(pool\) unreachable/g) ?? [];
    expect(outageLines.length).toBeGreaterThanOrEqual(2); // the restart and the black hole
    expect(outageLines.length).toBeLessThan(refusedWrites);
    expect(registry.output()).not.toMatch(/unhandled|uncaught/i);
    expect((await registry.get('/health/live')).status).toBe(200);
  });
});
