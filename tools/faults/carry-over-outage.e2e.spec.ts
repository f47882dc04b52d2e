// A commune's carry-over after the 2025 reform (ADR 0068) writes many streams in one transaction:
// the villages it registers, each team's move, each village it retires. Here the registry as it
// ships, its database behind the TCP fault proxy, slowed so the transaction is caught open: the
// database restarting mid-way answers 503 and leaves nothing of it, the retry carries it all out
// once; and two carry-overs of one commune sent at once take turns, every team moved once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pendingOutboxCount } from '@nhip/event-sourcing';
import { eventually, type RunningService } from '@nhip/testing';
import { startBehindDatabaseProxy } from './behind-database-proxy.ts';
import type { TcpFaultProxy } from './tcp-fault-proxy.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Part of Đắk Lắk's real lineage: Xã Ea D'Rơng divided between Xã Ea Drông and Xã Cuôr Đăng. */
const eaDrong = (name: string) =>
  fs.readFileSync(path.join(root, 'apps', 'registry', 'src', 'fixtures', `ea-drong-${name}.csv`));
const [units2024, units2025, lineage] = [eaDrong('2024'), eaDrong('2025'), eaDrong('lineage')];
const reason = 'Sắp xếp đơn vị hành chính cấp xã từ ngày 01/7/2025';

type Summary = Record<string, number>;
interface CarryOver {
  readonly teams: readonly { readonly action: string }[];
  readonly summary: Summary;
}
interface Problem {
  readonly type: string;
}

describe('a carry-over through a database restart and beside another', () => {
  let proxy: TcpFaultProxy;
  let registry: RunningService;
  let stop: () => Promise<void>;

  const csv = { 'content-type': 'text/csv' };
  const village = async (commune: string, name: string) =>
    (await registry.post<{ code: string }>(`/units/${commune}/villages`, { name, type: 'Thôn' })).body.code;
  const team = async (unitCode: string) =>
    expect(
      (
        await registry.post('/teams', {
          name: `Tổ công nghệ số cộng đồng ${unitCode}`,
          teamType: 'community_digital_technology',
          unitCode,
          decision: { number: '12/QĐ-UBND', date: '2023-03-01' },
        })
      ).status,
    ).toBe(201);
  const plan = async (commune: string): Promise<Summary> =>
    (await registry.get<CarryOver>(`/units/${commune}/carry-over`)).body.summary;
  /** Each team's moves in the store, by team stream: a team moved twice would show 2. */
  const movesPerTeam = async (): Promise<number[]> =>
    (
      await registry.sql<{ moves: number }>(
        `SELECT count(*)::int AS moves FROM es_events WHERE event_type = 'TeamMoved' GROUP BY stream_id`,
      )
    ).map((row) => row.moves);
  const outboxSettled = () =>
    eventually(async () => (await pendingOutboxCount(store())) === 0, { timeoutMs: 30_000 });
  const store = () =>
    ({
      query: async (text: string, values?: unknown[]) => ({ rows: await registry.sql(text, values) }),
    }) as never;

  beforeAll(async () => {
    ({
      proxy,
      service: registry,
      stop,
    } = await startBehindDatabaseProxy({
      service: 'registry',
      envPrefix: 'REGISTRY',
      purpose: 'carry_over_outage',
    }));
    expect(
      (await registry.post('/unit-trees/vn-2024/imports?effectiveFrom=2008-08-01', units2024, csv)).status,
    ).toBe(200);
    for (const [commune, names] of [
      ['24328', ['Buôn Drông', 'Thôn 2', 'Thôn 3']],
      ['24334', ['Buôn Ea Siên', 'Thôn 4']],
      ['24301', ['Thôn 5', 'Thôn 6']],
    ] as const)
      for (const name of names) await team(await village(commune, name));
    await team('24334');
    expect(
      (await registry.post('/unit-trees/vn-2025/imports?effectiveFrom=2025-07-01', units2025, csv)).status,
    ).toBe(200);
    expect(
      (await registry.post('/unit-trees/vn-2025/lineage?from=vn-2024', lineage, csv)).status,
    ).toBeLessThan(300);
  }, 60_000);
  afterAll(async () => {
    await stop();
  });

  it('leaves nothing written when the database restarts mid-way, and carries it all out on retry', async () => {
    const before = await plan('24328');
    expect(before).toMatchObject({ villagesToRegister: 5, teamsToMove: 6 });
    await outboxSettled();
    // Every statement 40 ms slower each way: the transaction stays open long enough to be caught.
    proxy.latency(20);
    const attempt = registry.post<Problem>('/units/24328/carry-over', { reason });
    await eventually(openWriteTransaction, { timeoutMs: 20_000, intervalMs: 20 });
    proxy.reset(); // the database restarts: every connection dropped
    const interrupted = await attempt;
    proxy.heal();
    expect([interrupted.status, interrupted.body.type]).toEqual([
      503,
      expect.stringMatching(/database-unavailable$/) as unknown,
    ]);
    expect(await movesPerTeam()).toEqual([]);
    expect(await plan('24328')).toEqual(before);

    const retried = await eventually(async () => {
      const reply = await registry.post<CarryOver>('/units/24328/carry-over', { reason });
      return reply.status === 200 ? reply.body : undefined;
    });
    expect(retried.summary).toMatchObject({ villagesToRegister: 5, teamsToMove: 6 });
    expect(await movesPerTeam()).toEqual([1, 1, 1, 1, 1, 1]);
    expect(await plan('24328')).toMatchObject({ villagesToRegister: 0, teamsToMove: 0, villagesCarried: 5 });
    await outboxSettled();
  });

  it('lets two carry-overs of one commune sent at once take turns: every team moved once', async () => {
    await outboxSettled();
    proxy.latency(10);
    const both = await Promise.all(
      [1, 2].map(() => registry.post<CarryOver>('/units/24301/carry-over', { reason })),
    );
    proxy.heal();
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    // One of them carried it out; the other, planned before that committed, found it done.
    const moved = both.map((r) => r.body.teams.filter((t) => t.action === 'move').length).sort();
    expect(moved).toEqual([0, 2]);
    expect(await movesPerTeam()).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    const villages = await registry.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM es_events
        WHERE event_type = 'VillageRegistered' AND stream_id LIKE 'villages-vn-2025-%'`,
    );
    expect(villages[0]?.n).toBe(7); // 5 in Xã Ea Drông, 2 in Xã Cuôr Đăng, none twice
    expect(await plan('24301')).toMatchObject({ villagesToRegister: 0, teamsToMove: 0 });
    expect(registry.output()).not.toMatch(/unhandled|uncaught/i);
  });

  /** A transaction of the registry's that has written and waits on its next statement. */
  async function openWriteTransaction(): Promise<boolean> {
    const rows = await registry.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND state = 'idle in transaction' AND backend_xid IS NOT NULL`,
    );
    return (rows[0]?.n ?? 0) > 0;
  }
});
