// A team registered on the 2024 tree, after the July 2025 reform, through the public APIs of the
// registry, activity and KPI services on the real broker and database: the registry moves it only into
// the commune that replaced its own (the recorded lineage); the activity service then judges its
// reports in the tree in force; the KPI service counts the team, its members and its new work where
// it serves now, and leaves its earlier work where it happened. A whole commune's villages and teams
// carried over at once (ADR 0068) count in the commune that replaced it, also where a 2025 village
// has the code of a 2024 one (ADR 0069): Xã Hòa Khánh was 24175 in 2024, Xã Hòa Phú is in 2025.
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { vietnamDay } from '@nhip/contracts';
import { tokenFor } from '@nhip/testing';
import {
  importUnits2024,
  indicatorReaches,
  indicatorsOf,
  logActivity,
  pick,
  registerTeam,
  registerVillage,
  startPlatform,
  type Platform,
} from './fixtures/platform.ts';
import { ledgerMismatchesSql, type CellMismatch } from './ledger/ledger-check.ts';

const helped = 'residents_helped.vneid_activation';
const fixtures = new URL('../../registry/src/fixtures/', import.meta.url);
const csv = (file: string) => fs.readFileSync(new URL(file, fixtures));

interface Problem {
  readonly type: string;
  readonly detail: string;
  readonly errors?: readonly { field: string; reason: string }[];
}

describe('KPI service: a team moved into the tree in force after the reform', () => {
  let platform: Platform;
  let teamId: string;
  let oldVillage: string;
  let phuLocTeam: string;
  let hoaKhanhVillage: string;
  const thisYear = vietnamDay(new Date().toISOString()).slice(0, 4);
  const report = (placeCode: string, occurredAt: string, residentsHelped: number) => ({
    activityId: randomUUID(),
    teamId,
    placeCode,
    kind: 'vneid_activation',
    residentsHelped,
    occurredAt,
  });

  beforeAll(async () => {
    platform = await startPlatform('kpi_team_moved');
    const { registry, activity, kpi } = platform;
    await importUnits2024(registry, '24175,Xã Hòa Khánh,Xã,3,643\n');
    hoaKhanhVillage = await registerVillage(registry, '24175', 'Buôn Kô Tam');
    oldVillage = await registerVillage(registry, '24172', 'Thôn 1');
    teamId = await registerTeam(registry, oldVillage);
    phuLocTeam = await registerTeam(registry, await registerVillage(registry, '24355', 'Thôn 2'));
    for (const [team, name] of [
      [teamId, 'H’Hen Niê'],
      [teamId, 'Y Bhăm Niê'],
      [phuLocTeam, 'Nguyễn Thị Hương'],
    ] as const) {
      const member = await registry.post<{ memberId: string }>('/members', { fullName: name });
      const joined = await registry.post(`/teams/${team}/members`, {
        memberId: member.body.memberId,
        role: 'member',
        affiliation: 'youth_union',
      });
      expect(joined.status).toBe(200);
    }
    // Work done in March 2025, under the 2024 tree, before the reform.
    await logActivity(activity, report(oldVillage, '2025-03-10T08:00:00+07:00', 5));
    await indicatorReaches(kpi, ['24172', 'period=2025-03', helped], (f) => f?.value === 5);
    const imported = await registry.post(
      '/unit-trees/vn-2025/imports?effectiveFrom=2025-07-01',
      csv('dak-lak-pilot-2025.csv'),
      { 'content-type': 'text/csv' },
    );
    // Xã Hòa Phú of 2025 took in Xã Hòa Khánh too (the real lineage; the pilot's list leaves it out).
    const mapped = await registry.post(
      '/unit-trees/vn-2025/lineage?from=vn-2024',
      Buffer.concat([
        csv('dak-lak-pilot-mapping.csv'),
        Buffer.from('24175,Xã Hòa Phú,2,24175,Xã Hòa Khánh,3,full\n'),
      ]),
      {
        'content-type': 'text/csv',
      },
    );
    expect([imported.status, mapped.status].every((s) => s < 300)).toBe(true);
  });
  afterAll(() => platform.stop());

  it('refuses a commune that did not replace the team’s own, naming the one that did', async () => {
    const reply = await platform.registry.post(`/teams/${teamId}/unit`, {
      unitCode: '24343',
      reason: 'Sắp xếp đơn vị hành chính cấp xã',
    });
    expect(reply.status).toBe(422);
    const problem = reply.body as Problem;
    expect(problem.type).toBe('https://nhip.vn/problems/not_a_successor');
    expect(problem.errors?.map((e) => e.field)).toEqual(['unitCode']);
    expect(problem.detail).toContain('24175');
    const unexplained = await platform.registry.post(`/teams/${teamId}/unit`, { unitCode: '24175' });
    expect(unexplained.status).toBe(400);
    expect(new Set((unexplained.body as Problem).errors?.map((e) => e.field))).toEqual(new Set(['reason']));
  });

  it('moves it into the commune that replaced its own, where its members and new work count from now on', async () => {
    const { registry, activity, kpi } = platform;
    const newVillage = await registerVillage(registry, '24175', 'Thôn 1');
    // Each tree numbers a commune's villages afresh: the code of Xã Hòa Khánh's first village of 2024.
    expect(newVillage).toBe(hoaKhanhVillage);
    type Page = { items: { teamId: string }[] };
    const listed = async (query: string) =>
      (await registry.get<Page>(`/teams?${query}`)).body.items.map((t) => t.teamId);
    // The coverage of the tree in force counts it as waiting in the province and in 24175 only.
    type Coverage = {
      unit: { teams: number; teamsToMove: number };
      children: { code: string; teamsToMove: number }[];
    };
    const waiting = async () => {
      const province = (await registry.get<Coverage>('/units/66/coverage')).body;
      const hoaPhu = (await registry.get<Coverage>('/units/24175/coverage')).body;
      const child = (code: string) => province.children.find((c) => c.code === code)?.teamsToMove;
      return {
        province: province.unit.teamsToMove,
        hoaPhu: child('24175') === hoaPhu.unit.teamsToMove ? hoaPhu.unit.teamsToMove : -1,
        krongNang: child('24343'),
        hoaPhuTeams: hoaPhu.unit.teams,
      };
    };
    // Still to move: it says where it may go, and it is listed among the province's 2024 teams.
    const before = await registry.get<{ movesTo: string[] }>(`/teams/${teamId}`);
    expect(before.body.movesTo).toEqual(['24175']);
    expect([await listed('unit=24172&asOf=2025-06-30'), await listed('unit=24175')]).toEqual([[teamId], []]);
    // The team of Phú Lộc waits in Krông Năng, which replaced it.
    expect(await waiting()).toEqual({ province: 2, hoaPhu: 1, krongNang: 1, hoaPhuTeams: 0 });
    // The new commune's officer moves it: the 2024 commune is its area's past (scope follows lineage).
    const officerOf = async (unit: string) =>
      registry.as(await tokenFor({ sub: `officer-${unit}`, role: 'commune-officer', unit }));
    const body = { unitCode: newVillage, reason: 'Sắp xếp đơn vị hành chính cấp xã' };
    expect((await (await officerOf('24343')).post(`/teams/${teamId}/unit`, body)).status).toBe(403);
    const moved = await (
      await officerOf('24175')
    ).post<{ treeVersion: string; unitCode: string; members: number }>(`/teams/${teamId}/unit`, body);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      treeVersion: 'vn-2025',
      unitCode: newVillage,
      members: 2,
      movesTo: [],
    });
    expect([await listed('unit=24172&asOf=2025-06-30'), await listed('unit=24175')]).toEqual([[], [teamId]]);
    expect(await waiting()).toEqual({ province: 1, hoaPhu: 0, krongNang: 1, hoaPhuTeams: 1 });
    const again = await registry.post(`/teams/${teamId}/unit`, { unitCode: newVillage, reason: 'Lặp lại' });
    expect(again.status).toBe(200);

    const year = `period=${thisYear}`;
    const served = await indicatorReaches(
      kpi,
      ['24175', year, 'active_members_per_team'],
      (f) => f?.denominator === 1,
    );
    expect(pick(served.indicators, 'active_members_per_team')).toMatchObject({
      numerator: 2,
      denominator: 1,
    });
    // Both 24175-001 count: the 2025 one, with the team, and Xã Hòa Khánh's of 2024 until the carry-over
    // takes it in (rollup cells are kept by unit code, and 24175 is the code of both communes).
    expect(pick(served.indicators, 'villages_with_active_team')).toMatchObject({
      numerator: 1,
      denominator: 2,
    });

    // Reports now name places of the tree in force; its old village is not one of them.
    const now = new Date(Date.now() - 3_600_000).toISOString();
    await logActivity(activity, report(newVillage, now, 7));
    await indicatorReaches(kpi, ['24175', year, helped], (f) => f?.value === 7);
    const old = await activity.post<Problem>('/activities', report(oldVillage, now, 1));
    expect(old.status).toBe(422);
    expect(old.body.errors?.map((e) => e.field)).toContain('placeCode');

    // What it did before the reform stays where it happened.
    expect(pick((await indicatorsOf(kpi, '24172', 'period=2025-03')).indicators, helped)?.value).toBe(5);
    expect(pick((await indicatorsOf(kpi, '24175', 'period=2025-03')).indicators, helped)?.value ?? 0).toBe(0);
  });

  it('carries a whole commune over at once: its village and team count in the commune that replaced it', async () => {
    const { registry, kpi } = platform;
    type CarryOver = { summary: Record<string, number>; villages: { to: string | null }[] };
    const done = await registry.post<CarryOver>('/units/24343/carry-over', {
      reason: 'Sắp xếp đơn vị hành chính cấp xã',
    });
    expect(done.status).toBe(200);
    expect(done.body.summary).toMatchObject({ villagesToRegister: 1, teamsToMove: 1, teamsLeft: 0 });
    const moved = await registry.get<{ treeVersion: string; unitCode: string }>(`/teams/${phuLocTeam}`);
    expect(moved.body).toMatchObject({ treeVersion: 'vn-2025', unitCode: done.body.villages[0]?.to });
    const counted = await indicatorReaches(
      kpi,
      ['24343', `period=${thisYear}`, 'villages_with_active_team'],
      (f) => f?.denominator === 1,
    );
    expect(pick(counted.indicators, 'villages_with_active_team')).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
    expect(pick(counted.indicators, 'active_members_per_team')).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
    // 24175's own carry-over finds Hòa Phú's team moved by hand and its village there by name, and
    // registers Hòa Khánh's village again: it retires both 2024 villages, so the province counts each
    // village once, where it is now: 24175-001 and 24175-002 of Hòa Phú, 24343-001 of Krông Năng.
    const hoaPhu = await registry.post<CarryOver>('/units/24175/carry-over', { reason: 'Sắp xếp' });
    expect(hoaPhu.body.summary).toMatchObject({ villagesThere: 1, villagesToRegister: 1, teamsToMove: 0 });
    const province = await indicatorReaches(
      kpi,
      ['66', `period=${thisYear}`, 'villages_with_active_team'],
      (f) => f?.denominator === 3,
    );
    expect(pick(province.indicators, 'villages_with_active_team')).toMatchObject({
      numerator: 2,
      denominator: 3,
    });
    const commune = await indicatorsOf(kpi, '24175', `period=${thisYear}`);
    expect(pick(commune.indicators, 'villages_with_active_team')).toMatchObject({
      numerator: 1,
      denominator: 2,
    });
  });

  it('keeps every rollup cell equal to the sum of its ledger deltas', async () => {
    expect(await platform.kpi.sql<CellMismatch>(ledgerMismatchesSql)).toEqual([]);
  });
});
