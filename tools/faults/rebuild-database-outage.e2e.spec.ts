// The KPI rebuild (ADR 0038, 0041) cut off from its database while it writes the fresh table: the
// request is answered 503 (not left hanging, not a 500), the live cells are as they were, no fresh
// table and no spill files are left behind, writers are not held, and once the path heals the same
// rebuild switches in cells equal to the live ones. Seeded straight into the ledger and the cells
// (the rule of rollup.ts written again in SQL, as an independent oracle), enough rows that the
// rebuild lasts long enough to be cut mid-way.
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, postgresAdminUrl, type RunningService } from '@nhip/testing';
import pg from 'pg';
import { startBehindDatabaseProxy } from './behind-database-proxy.ts';
import type { TcpFaultProxy } from './tcp-fault-proxy.ts';

const ledgerRows = 600_000;

interface Problem {
  readonly type: string;
  readonly status: number;
}

const seedLedger = `
  INSERT INTO kpi_deltas (units, metric, day, delta, source_event_id, recorded_at)
  SELECT ARRAY[p::text, p || lpad((g % 30)::text, 3, '0'), p || lpad((g % 30)::text, 3, '0') || lpad((g % 700)::text, 3, '0')],
         'residents_helped.vneid_activation', date '2025-01-01' + (g % 365), 1 + g % 4, 'seed-' || g, now()
    FROM generate_series(1, ${ledgerRows}) g, LATERAL (SELECT 10 + g % 40 AS p) province`;

const seedCells = `
  INSERT INTO kpi_rollups (unit_code, metric, period, period_kind, value)
  SELECT u.code, d.metric, k.period, k.kind, sum(d.delta)
    FROM kpi_deltas d CROSS JOIN LATERAL unnest(d.units) AS u(code)
   CROSS JOIN LATERAL (VALUES (to_char(d.day, 'YYYY-MM-DD'), 'day'), (to_char(d.day, 'YYYY-MM'), 'month'),
                              (to_char(d.day, 'YYYY') || '-Q' || extract(quarter FROM d.day), 'quarter'),
                              (to_char(d.day, 'YYYY'), 'year')) AS k(period, kind)
   GROUP BY 1, 2, 3, 4 HAVING sum(d.delta) <> 0`;

const cellsDigest = `SELECT count(*)::int AS n, md5(string_agg(unit_code || metric || period || value, ',' ORDER BY unit_code, metric, period)) AS digest FROM kpi_rollups`;

const spillDirs = () =>
  new Set(fs.readdirSync(os.tmpdir()).filter((name) => /^nhip-kpi-\d+-rebuild-/.test(name)));

describe('the KPI rebuild cut off from its database mid-way (TCP fault proxy)', () => {
  let proxy: TcpFaultProxy;
  let kpi: RunningService;
  let stop: () => Promise<void>;
  let admin: pg.Pool;

  beforeAll(async () => {
    ({
      proxy,
      service: kpi,
      stop,
    } = await startBehindDatabaseProxy({ service: 'kpi', envPrefix: 'KPI', purpose: 'rebuild_outage' }));
    await kpi.sql(seedLedger);
    await kpi.sql(seedCells);
    admin = new pg.Pool({ connectionString: postgresAdminUrl(), max: 1 });
  });
  afterAll(async () => {
    await admin.end();
    await stop();
  });

  /** Resolves once the rebuild's COPY into the fresh table is running on the server. */
  const writingTheFreshTable = () =>
    eventually(
      async () => {
        const { rows } = await admin.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'COPY kpi_rollups_next%'`,
          [kpi.database],
        );
        return rows[0]?.n === 1;
      },
      { timeoutMs: 60_000, intervalMs: 5 },
    );

  it('answers 503, keeps the live cells, and leaves no fresh table or spill files behind', async () => {
    const [before, dirsBefore] = [await kpi.sql(cellsDigest), spillDirs()];
    const rebuild = kpi.post<Problem>('/rebuilds');
    await writingTheFreshTable();
    proxy.refuse();
    proxy.reset();
    const reply = await rebuild;
    proxy.heal();

    expect({ status: reply.status, type: reply.body.type }).toEqual({
      status: 503,
      type: expect.stringMatching(/database-unavailable$/) as unknown,
    });
    expect(await kpi.sql(cellsDigest)).toEqual(before);
    const fresh = await kpi.sql(`SELECT to_regclass('kpi_rollups_next') IS NOT NULL AS left`);
    expect(fresh).toEqual([{ left: false }]);
    expect([...spillDirs()].filter((d) => !dirsBefore.has(d))).toEqual([]);
    expect((await kpi.get('/health/live')).status).toBe(200);
  });

  it('rebuilds and switches once the path heals, writers not held by the cut one', async () => {
    const before = await kpi.sql(cellsDigest);
    // No lock left by the cut rebuild: a writer's lock on the cells is granted at once.
    await kpi.sql(
      `BEGIN; SET LOCAL lock_timeout = '2s'; LOCK TABLE kpi_rollups IN ROW EXCLUSIVE MODE; COMMIT`,
    );
    const reply = await eventually(
      async () => {
        const r = await kpi.post<{ switched: boolean; deltas: number }>('/rebuilds');
        return r.status === 200 ? r : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(reply.body).toMatchObject({ switched: true, deltas: ledgerRows });
    expect(await kpi.sql(cellsDigest)).toEqual(before);
    expect(kpi.output()).not.toMatch(/unhandled|uncaught/i);
  });
});
