// A commune's carry-over after the 2025 reform (ADR 0068) writes many streams in one transaction:
// the villages it registers, each team's move, each village it retires. Here the registry as it
// ships, its database behind the TCP fault proxy, slowed so the transaction is caught open: the
// database restarting mid-way answers 503 and leaves nothing of it; the retry, sent twice at once,
// carries it all out once. And a team a person moves by hand while a carry-over holds its plan
// (a failpoint pauses it there) stays where the person put it, and its village is retired by the
// next carry-over.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, registerTeam, registerVillage, type RunningService } from '@nhip/testing';
import { pendingOutboxOf, startBehindDatabaseProxy } from './behind-database-proxy.ts';
import type { TcpFaultProxy } from './tcp-fault-proxy.ts';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Part of Đắk Lắk's real lineage: Xã Ea D'Rơng divided between Xã Ea Drông and Xã Cuôr Đăng. */
const eaDrong = (name: string) =>
  fs.readFileSync(path.join(root, 'apps', 'registry', 'src', 'fixtures', `ea-drong-${name}.csv`));
const [units2024, units2025, lineage] = [eaDrong('2024'), eaDrong('2025'), eaDrong('lineage')];
const reason = 'Sắp xếp đơn vị hành chính cấp xã từ ngày 01/7/2025';

type Summary = Record<string, number>;
interface CarryOver {
  readonly teams: readonly {
    readonly teamId: string;
    readonly action: string;
    readonly because: string | null;
    readonly why: string | null;
  }[];
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
  const teams: Record<string, string> = {};
  const team = async (unitCode: string, label = unitCode) => {
    teams[label] = await registerTeam(registry, unitCode, label);
  };
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
    eventually(async () => (await pendingOutboxOf(registry)) === 0, { timeoutMs: 30_000 });

  beforeAll(async () => {
    ({
      proxy,
      service: registry,
      stop,
    } = await startBehindDatabaseProxy({
      service: 'registry',
      envPrefix: 'REGISTRY',
      purpose: 'carry_over_outage',
      env: { NHIP_FAILPOINTS: 'carry-over:planned=delay:1500' },
    }));
    expect(
      (await registry.post('/unit-trees/vn-2024/imports?effectiveFrom=2008-08-01', units2024, csv)).status,
    ).toBe(200);
    for (const [commune, names] of [
      ['24328', ['Buôn Drông', 'Thôn 2', 'Thôn 3']],
      ['24334', ['Buôn Ea Siên', 'Thôn 4']],
      ['24301', ['Thôn 5', 'Thôn 6']],
    ] as const)
      for (const name of names) await team(await registerVillage(registry, commune, name), name);
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

  it('leaves nothing written when the database restarts mid-way; the retry, sent twice at once, does it once', async () => {
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

    // The client retries, and the officer presses again meanwhile: both answered, one does it.
    await eventually(async () => (await registry.get('/health/ready')).status === 200);
    const retried = await Promise.all(
      [1, 2].map(() => registry.post<CarryOver>('/units/24328/carry-over', { reason })),
    );
    expect(retried.map((r) => r.status)).toEqual([200, 200]);
    expect(retried.map((r) => r.body.teams.filter((t) => t.action === 'move').length).sort()).toEqual([0, 6]);
    expect(await movesPerTeam()).toEqual([1, 1, 1, 1, 1, 1]);
    const villages = await registry.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM es_events
        WHERE event_type = 'VillageRegistered' AND stream_id LIKE 'villages-vn-2025-24328'`,
    );
    expect(villages[0]?.n).toBe(5); // none twice
    expect(await plan('24328')).toMatchObject({ villagesToRegister: 0, teamsToMove: 0, villagesCarried: 5 });
  });

  it('leaves a team where a person put it while the carry-over held its plan', async () => {
    await outboxSettled();
    const carrying = registry.post<CarryOver>('/units/24301/carry-over', { reason });
    await eventually(planHeld, { timeoutMs: 20_000, intervalMs: 20 });
    const byHand = await registry.post(`/teams/${teams['Thôn 5']}/unit`, {
      unitCode: '24301',
      reason: 'Xã phân công lại địa bàn',
    });
    expect(byHand.status).toBe(200);
    const done = await carrying;
    expect(done.status).toBe(200);
    const outcome = (label: string) => done.body.teams.find((t) => t.teamId === teams[label]);
    expect(outcome('Thôn 6')?.action).toBe('move');
    expect(outcome('Thôn 5')).toMatchObject({ action: 'left', because: 'refused' });
    expect(outcome('Thôn 5')?.why).toMatch(/was moved to 24301 \(vn-2025\) after this move was planned/);
    const placed = await registry.get<{ treeVersion: string; unitCode: string }>(`/teams/${teams['Thôn 5']}`);
    expect([placed.body.treeVersion, placed.body.unitCode]).toEqual(['vn-2025', '24301']);
    expect(await movesPerTeam()).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);

    // Thôn 5's former village kept its team through that carry-over, so it was not retired; served
    // by nobody now, the next carry-over retires it, carried to its counterpart, and moves nothing.
    expect(await plan('24301')).toMatchObject({ villagesCarried: 1, teamsToMove: 0 });
    const next = await registry.post<CarryOver>('/units/24301/carry-over', { reason });
    expect(next.status).toBe(200);
    expect(await plan('24301')).toMatchObject({ villagesCarried: 2, teamsToMove: 0 });
    expect(await movesPerTeam()).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(registry.output()).not.toMatch(/unhandled|uncaught/i);
  });

  /** A carry-over's transaction, its plan read (the teams last), held at the failpoint. */
  async function planHeld(): Promise<boolean> {
    const rows = await registry.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
          AND state = 'idle in transaction' AND query LIKE '%JOIN rm_teams t%'`,
    );
    return (rows[0]?.n ?? 0) > 0;
  }

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
