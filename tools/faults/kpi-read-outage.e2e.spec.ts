// The KPI service's drill-down across a database restart, its database behind the TCP fault proxy.
// The drill-down is a named prepared statement (ADR 0033, 0040): prepared once per connection, so
// the connections a restart replaces must prepare it again. While the path is down the read is a
// 503 naming the database; once it heals the same answer comes back, without a restart of the
// service. (Here, not under apps/: a service spec may not import tools, ADR 0018.)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, type RunningService } from '@nhip/testing';
import { startBehindDatabaseProxy } from './behind-database-proxy.ts';
import type { TcpFaultProxy } from './tcp-fault-proxy.ts';

const drillDown = '/units/66/indicators?period=2026&indicators=vneid_vs_target&fields=figures';

interface Answer {
  readonly children: readonly {
    readonly code: string;
    readonly indicators: readonly { numerator: number }[];
  }[];
}

describe('KPI drill-down through a database restart (TCP fault proxy)', () => {
  let proxy: TcpFaultProxy;
  let kpi: RunningService;
  let stop: () => Promise<void>;
  let before: unknown;

  beforeAll(async () => {
    ({
      proxy,
      service: kpi,
      stop,
    } = await startBehindDatabaseProxy({
      service: 'kpi',
      envPrefix: 'KPI',
      purpose: 'kpi_read_outage',
      env: { NHIP_DB_QUERY_TIMEOUT_MS: '2000' },
    }));
    // A province and two districts with this year's VNeID activations, written straight to the
    // read tables (the inputs' consumers are not what this spec is about).
    await kpi.sql(`INSERT INTO kpi_unit_trees VALUES ('outage-tree', '2000-01-01')`);
    await kpi.sql(
      `INSERT INTO kpi_units (tree_version, code, name, level, parent_code, origin, path) VALUES
         ('outage-tree', '66', 'Tỉnh Đắk Lắk', 1, NULL, 'test', '{66}'),
         ('outage-tree', '643', 'Thành phố Buôn Ma Thuột', 2, '66', 'test', '{66,643}'),
         ('outage-tree', '645', 'Huyện Ea H''leo', 2, '66', 'test', '{66,645}')`,
    );
    await kpi.sql(
      `INSERT INTO kpi_rollups (unit_code, metric, period, period_kind, value) VALUES
         ('66', 'residents_helped.vneid_activation', '2026', 'year', 12),
         ('643', 'residents_helped.vneid_activation', '2026', 'year', 7),
         ('645', 'residents_helped.vneid_activation', '2026', 'year', 5)`,
    );
  });
  afterAll(async () => {
    await stop();
  });

  it('answers the same drill-down before and after, and a 503 naming the database between', async () => {
    // More calls than PostgreSQL's five custom plans: the statement is prepared and its generic
    // plan kept on the connections the restart is about to take away.
    for (let i = 0; i < 8; i++) {
      const reply = await kpi.get<Answer>(drillDown);
      expect(reply.status).toBe(200);
      before ??= reply.body;
    }
    expect((before as Answer).children.map((c) => [c.code, c.indicators[0]?.numerator])).toEqual([
      ['643', 7],
      ['645', 5],
    ]);

    proxy.refuse();
    expect(proxy.reset()).toBeGreaterThan(0);
    const during = await kpi.get<{ type: string }>(drillDown);
    expect([during.status, during.body.type]).toEqual([503, expect.stringMatching(/database-unavailable$/)]);

    proxy.heal();
    await eventually(async () => (await kpi.get(drillDown)).status === 200, { timeoutMs: 15_000 });
    for (let i = 0; i < 8; i++) {
      const reply = await kpi.get(drillDown);
      expect([reply.status, reply.body]).toEqual([200, before]);
    }
    expect(kpi.output()).not.toMatch(/prepared statement|unhandled|uncaught/i);
  });
});
