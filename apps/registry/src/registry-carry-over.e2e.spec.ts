// After the July 2025 reform, Xã Ea Drông of the 2025 tree takes over what the 2024 communes it
// replaced had (the real lineage of Đắk Lắk): Xã Ea Drông and Xã Ea Siên in whole, and part of Xã
// Ea D'Rơng, which went to Xã Cuôr Đăng too. Through the HTTP API of the compiled registry on the
// real broker and database: the plan, the carry-over in one transaction, the teams' public moves,
// the coverage after, a second carry-over with nothing left to do, and the refusals.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publicTopics } from '@nhip/contracts';
import { readTopic } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import { eventually, kafkaBrokers, registerTeam, tokenFor } from '@nhip/testing';
import { startRegistry, type RunningRegistry } from './fixtures/registry-service.ts';

/** Part of Đắk Lắk's real lineage: Xã Ea D'Rơng divided between Xã Ea Drông and Xã Cuôr Đăng. */
const eaDrong = (name: string) =>
  fs.readFileSync(
    path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', `ea-drong-${name}.csv`),
  );
const [units2024, units2025, lineage] = [eaDrong('2024'), eaDrong('2025'), eaDrong('lineage')];
const reason = 'Sắp xếp đơn vị hành chính cấp xã từ ngày 01/7/2025';

interface Team {
  teamId: string;
  treeVersion: string;
  unitCode: string;
  movesTo: string[];
}
interface CarryOver {
  applied: boolean;
  villages: { from: { code: string }; action: string; to: string | null; because: string | null }[];
  teams: { teamId: string; action: string; to: { code: string | null } | null; because: string | null }[];
  summary: Record<string, number>;
}
interface Problem {
  type: string;
  errors?: { field: string }[];
}

describe('a commune formed by the reform takes over the villages and teams of those it replaced', () => {
  let registry: RunningRegistry;
  const teams: Record<string, string> = {};

  const importTree = async (version: string, from: string, csv: Buffer) =>
    (
      await registry.post(`/unit-trees/${version}/imports?effectiveFrom=${from}`, csv, {
        'content-type': 'text/csv',
      })
    ).status;
  const village = async (commune: string, name: string) =>
    (await registry.post<{ code: string }>(`/units/${commune}/villages`, { name, type: name.split(' ')[0] }))
      .body.code;
  const team = async (label: string, unitCode: string) => {
    teams[label] = await registerTeam(registry, unitCode, label);
  };

  beforeAll(async () => {
    registry = await startRegistry('carry_over');
    expect(await importTree('vn-2024', '2008-08-01', units2024)).toBe(200);
    const [drong, thon1, , siên] = [
      await village('24328', 'Buôn Drông'),
      await village('24328', 'Thôn 1'),
      await village('24334', 'Thôn 1'),
      await village('24334', 'Buôn Ea Siên'),
    ];
    await team('buôn Drông', drong);
    await team('thôn 1 Ea Drông', thon1);
    await team('xã Ea Siên', '24334');
    await team('buôn Ea Siên', siên);
    await team('thôn 3 Ea D’Rơng', await village('24292', 'Thôn 3'));
    await team('đã giải thể', siên);
    await registry.post(`/teams/${teams['đã giải thể']}/dissolution`, { reason: 'Sáp nhập tổ' });
    expect(await importTree('vn-2025', '2025-07-01', units2025)).toBe(200);
    const mapped = await registry.post('/unit-trees/vn-2025/lineage?from=vn-2024', lineage, {
      'content-type': 'text/csv',
    });
    expect(mapped.status).toBeLessThan(300);
    await village('24328', 'Buôn  Drông'); // registered by hand already, spelled with two spaces
  });
  afterAll(() => registry.stop());

  it('plans without writing: what is taken over, and why the rest stays', async () => {
    const plan = await registry.get<CarryOver>('/units/24328/carry-over');
    expect(plan.status).toBe(200);
    expect(plan.body.applied).toBe(false);
    expect(plan.body.summary).toEqual({
      villagesToRegister: 1,
      villagesThere: 1,
      villagesLinked: 0,
      villagesCarried: 0,
      villagesLeft: 3,
      teamsToMove: 3,
      teamsLeft: 2,
    });
    expect(plan.body.villages.map((v) => [v.from.code, v.action, v.because])).toEqual([
      ['24292-001', 'left', 'split'],
      ['24328-001', 'exists', null],
      ['24328-002', 'left', 'name_taken'],
      ['24334-001', 'left', 'name_taken'],
      ['24334-002', 'register', null],
    ]);
    const again = await registry.get<CarryOver>('/units/24328/carry-over');
    expect(again.body).toEqual(plan.body);
  });

  it('says for the province where each commune’s carry-over stands, the most to do first', async () => {
    type Progress = {
      communes: { code: string; summary: Record<string, number> }[];
      total: Record<string, number>;
      waiting: Record<string, number>;
    };
    const province = await registry.get<Progress>('/units/66/carry-overs');
    expect(province.status).toBe(200);
    // Xã Cuôr Đăng shares Xã Ea D'Rơng: its village and team wait for a person in both communes' plans.
    expect(
      province.body.communes.map((c) => [c.code, c.summary['villagesLeft'], c.summary['teamsLeft']]),
    ).toEqual([
      ['24328', 3, 2],
      ['24301', 1, 1],
    ]);
    expect(province.body.total).toMatchObject({
      villagesToRegister: 1,
      villagesLeft: 4,
      teamsToMove: 3,
      teamsLeft: 3,
    });
    // Each once: Xã Ea D'Rơng's village and team wait for a person, whichever commune takes them.
    expect(province.body.waiting).toEqual({ villages: 3, teams: 2 });
    const officer = registry.as(
      await tokenFor({ sub: 'officer-24301', role: 'commune-officer', unit: '24301' }),
    );
    expect((await officer.get('/units/66/carry-overs')).status).toBe(403);
    const own = await officer.get<Progress>('/units/24301/carry-overs');
    expect(own.body.communes.map((c) => c.code)).toEqual(['24301']);
  });

  it('carries it out: villages registered, teams moved and announced, coverage counting them', async () => {
    const done = await registry.post<CarryOver>('/units/24328/carry-over', { reason });
    expect(done.status).toBe(200);
    expect(done.body.applied).toBe(true);
    expect(done.body.villages.find((v) => v.from.code === '24334-002')?.to).toBe('24328-002');
    const where = async (label: string) => {
      const t = (await registry.get<Team>(`/teams/${teams[label]}`)).body;
      return [t.treeVersion, t.unitCode, t.movesTo];
    };
    expect(await where('buôn Drông')).toEqual(['vn-2025', '24328-001', []]);
    expect(await where('xã Ea Siên')).toEqual(['vn-2025', '24328', []]);
    expect(await where('buôn Ea Siên')).toEqual(['vn-2025', '24328-002', []]);
    expect(await where('thôn 1 Ea Drông')).toEqual(['vn-2024', '24328-002', ['24328']]);
    expect(await where('thôn 3 Ea D’Rơng')).toEqual(['vn-2024', '24292-001', ['24301', '24328']]);

    type Coverage = { unit: { villages: number; teams: number; teamsToMove: number } };
    const coverage = (await registry.get<Coverage>('/units/24328/coverage')).body.unit;
    expect(coverage).toMatchObject({ villages: 2, teams: 3, teamsToMove: 2 });

    // The relay publishes after the commit: the moves and retirements reach their topics shortly.
    const moved = await eventually(async () => {
      const found = await published(publicTopics.registryTeam, 'vn.nhip.registry.team.moved.v1');
      return found.length === 3 ? found : undefined;
    });
    expect(moved.map((m) => m.key).sort()).toEqual(
      ['buôn Drông', 'xã Ea Siên', 'buôn Ea Siên'].map((label) => teams[label]).sort(),
    );
    expect(moved.map((m) => (JSON.parse(m.value.toString()) as { reason: string }).reason)).toEqual([
      reason,
      reason,
      reason,
    ]);
    // The villages taken over, and only those, leave the 2024 tree's counts.
    await eventually(async () => (await retired()).length === 2);
    expect(await retired()).toEqual(['vn-2024/24328-001', 'vn-2024/24334-002']);
    // Looked up in the tree it was part of, a village taken over names the one that took it.
    type Detail = { successors: { treeVersion: string; code: string; name: string | null }[] };
    const old = await registry.get<Detail>('/units/24334-002?asOf=2025-06-30');
    expect(old.body.successors).toEqual([
      { treeVersion: 'vn-2025', code: '24328-002', name: 'Buôn Ea Siên', relation: 'full' },
    ]);
  });

  const published = async (topic: string, type: string) => {
    const messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'carry-over-reader' });
    try {
      const all = await readTopic(messaging, `${registry.topicPrefix}${topic}`);
      return all.filter((m) => m.headers['ce_type'] === type);
    } finally {
      await messaging.close();
    }
  };
  const retired = async () =>
    (await published(publicTopics.registryUnit, 'vn.nhip.registry.unit.retired.v1'))
      .map((m) => JSON.parse(m.value.toString()) as { treeVersion: string; code: string })
      .map((u) => `${u.treeVersion}/${u.code}`)
      .sort();

  it('has nothing left to do the second time: what it took over shows where it went', async () => {
    const again = await registry.post<CarryOver>('/units/24328/carry-over', { reason });
    expect(again.body.summary).toEqual({
      villagesToRegister: 0,
      villagesThere: 0,
      villagesLinked: 0,
      villagesCarried: 2,
      villagesLeft: 3,
      teamsToMove: 0,
      teamsLeft: 2,
    });
    expect(again.body.villages.filter((v) => v.action === 'carried').map((v) => [v.from.code, v.to])).toEqual(
      [
        ['24328-001', '24328-001'],
        ['24334-002', '24328-002'],
      ],
    );
    expect(await retired()).toEqual(['vn-2024/24328-001', 'vn-2024/24334-002']);
  });

  it('takes the villages left once a person says which village each became', async () => {
    // Xã Ea Drông's officer registers the two villages the plan could not place, under names of their own.
    const [thôn1, thôn1EaSiên] = [await village('24328', 'Thôn 1'), await village('24328', 'Thôn 1 Ea Siên')];
    const refused = await registry.post<Problem>('/units/24328/carry-over', {
      reason,
      villages: [
        { from: '24328-001', to: thôn1 },
        { from: '24292-001', to: '24301-001' },
      ],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map((e) => e.field)).toEqual(['villages[0].from', 'villages[1].to']);
    const done = await registry.post<CarryOver>('/units/24328/carry-over', {
      reason,
      villages: [
        { from: '24328-002', to: thôn1 },
        { from: '24334-001', to: thôn1EaSiên },
        { from: '24292-001', to: thôn1 },
      ],
    });
    expect(done.status).toBe(200);
    expect(done.body.summary).toMatchObject({
      villagesLinked: 3,
      villagesLeft: 0,
      teamsToMove: 2,
      teamsLeft: 0,
    });
    const where = async (label: string) => (await registry.get<Team>(`/teams/${teams[label]}`)).body;
    expect(await where('thôn 1 Ea Drông')).toMatchObject({ treeVersion: 'vn-2025', unitCode: thôn1 });
    expect(await where('thôn 3 Ea D’Rơng')).toMatchObject({ treeVersion: 'vn-2025', unitCode: thôn1 });
    await eventually(async () => (await retired()).length === 5);
    expect(await retired()).toEqual([
      'vn-2024/24292-001',
      'vn-2024/24328-001',
      'vn-2024/24328-002',
      'vn-2024/24334-001',
      'vn-2024/24334-002',
    ]);
    const after = await registry.get<CarryOver>('/units/24328/carry-over');
    expect(after.body.summary).toMatchObject({ villagesCarried: 5, villagesLeft: 0, teamsLeft: 0 });
  });

  it('refuses a unit that is not a commune, a caller from elsewhere, no reason, and a malformed link', async () => {
    const province = await registry.post<Problem>('/units/66/carry-over', { reason });
    expect([province.status, province.body.errors?.[0]?.field]).toEqual([422, 'code']);
    expect(province.body.type).toBe('https://nhip.vn/problems/wrong_level');
    const elsewhere = registry.as(
      await tokenFor({ sub: 'officer-9', role: 'commune-officer', unit: '24301' }),
    );
    expect((await elsewhere.get('/units/24328/carry-over')).status).toBe(403);
    const partner = registry.as(await tokenFor({ sub: 'gso', role: 'partner', unit: '66' }));
    expect((await partner.get('/units/24328/carry-over')).status).toBe(403);
    const unexplained = await registry.post<Problem>('/units/24328/carry-over', {});
    expect([unexplained.status, unexplained.body.errors?.[0]?.field]).toEqual([400, 'reason']);
    const malformed = await registry.post<Problem>('/units/24328/carry-over', {
      reason,
      villages: [{ from: 'Thôn 1', to: '24328-001' }, { from: '24292-001' }],
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.map((e) => e.field)).toEqual(['villages[0].from', 'villages[1].to']);
    expect((await registry.get<Problem>('/units/99999/carry-over')).status).toBe(404);
  });
});
