// The full national lists through the compiled service: the 3-level tree (until 30 June 2025), the
// 2-level tree (from 1 July 2025) with the old→new mapping, both queryable by date; re-imports
// change nothing; every unit change reaches public.registry.unit.v1 once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publicEventProblems, publicTopics } from '@nhip/contracts';
import { readTopic } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import { kafkaBrokers, tokenFor } from '@nhip/testing';
import { nationalFile } from './fixtures/national-data.ts';
import { startRegistry, type RunningRegistry } from './fixtures/registry-service.ts';

interface UnitDetail {
  treeVersion: string;
  unit: { code: string; name: string; level: number; path: string[] };
  ancestors: { code: string }[];
  children: { code: string }[];
  predecessors: { code: string; name: string; relation: string }[];
  successors: { code: string; name: string; relation: string }[];
}

interface FoundUnits {
  treeVersion: string;
  units: {
    code: string;
    name: string;
    type: string;
    place: string[];
    via: string;
    matchedName: string;
    match: string;
  }[];
}

const csv = { 'content-type': 'text/csv' };

describe('the national unit trees of 2024 and 2025', () => {
  let registry: RunningRegistry;
  // Suffixed so this run's messages are told apart on the long-lived public topic.
  const run = Math.random().toString(36).slice(2, 8);
  const old = `vn-2024-${run}`;
  const current = `vn-2025-${run}`;
  const timings: Record<string, number> = {};

  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[label] = Math.round(performance.now() - started);
    return result;
  };

  beforeAll(async () => {
    registry = await startRegistry('national');
  });
  afterAll(async () => {
    process.stdout.write(`national import timings (ms): ${JSON.stringify(timings)}\n`);
    await registry.stop();
  });

  it('imports the 2024 list (10,806 units), the 2025 list (3,355) and the mapping (10,667 links)', async () => {
    const first = await timed('import 2024', () =>
      registry.post(
        `/unit-trees/${old}/imports?effectiveFrom=2025-03-01`,
        nationalFile('units-2024.csv'),
        csv,
      ),
    );
    expect(first.body).toMatchObject({ unitsInList: 10_806, changes: { added: 10_806 } });
    const second = await timed('import 2025', () =>
      registry.post(
        `/unit-trees/${current}/imports?effectiveFrom=2025-07-01`,
        nationalFile('units-2025.csv'),
        csv,
      ),
    );
    expect(second.body).toMatchObject({ unitsInList: 3_355, changes: { added: 3_355 } });
    const lineage = await timed('mapping', () =>
      registry.post(
        `/unit-trees/${current}/lineage?from=${old}`,
        nationalFile('mapping-2024-to-2025.csv'),
        csv,
      ),
    );
    expect(lineage.status).toBe(200);
    expect(lineage.body).toMatchObject({ links: 10_667, unitsRecorded: 3_355, upToDate: false });
  });

  it('changes nothing when the same files are imported again', async () => {
    const again2024 = await timed('re-import 2024', () =>
      registry.post(
        `/unit-trees/${old}/imports?effectiveFrom=2025-03-01`,
        nationalFile('units-2024.csv'),
        csv,
      ),
    );
    expect(again2024.body).toMatchObject({ upToDate: true });
    const againMapping = await registry.post(
      `/unit-trees/${current}/lineage?from=${old}`,
      nationalFile('mapping-2024-to-2025.csv'),
      csv,
    );
    expect(againMapping.body).toMatchObject({ unitsRecorded: 0, upToDate: true });
  });

  it('answers as of 2025-03-01 from the 3-level tree, with where each unit went', async () => {
    const roots = await registry.get<{ treeVersion: string; units: unknown[] }>('/units?asOf=2025-03-01');
    expect([roots.body.treeVersion, roots.body.units.length]).toEqual([old, 63]);
    const { body } = await registry.get<UnitDetail>('/units/24355?asOf=2025-03-01');
    expect(body.unit).toMatchObject({ name: 'Xã Phú Lộc', level: 3, path: ['66', '650', '24355'] });
    expect(body.successors).toEqual([
      { treeVersion: current, code: '24343', name: 'Xã Krông Năng', relation: 'full' },
    ]);
    const district = await registry.get<UnitDetail>('/units/643?asOf=2025-03-01');
    expect(district.body.unit.name).toBe('Thành phố Buôn Ma Thuột');
    expect(district.body.children.map((c) => c.code)).toContain('24172');
  });

  it('answers as of today from the 2-level tree: no districts, communes under provinces', async () => {
    const roots = await registry.get<{ treeVersion: string; units: unknown[] }>('/units');
    expect([roots.body.treeVersion, roots.body.units.length]).toEqual([current, 34]);
    const { body } = await registry.get<UnitDetail>('/units/24343');
    expect(body.unit).toMatchObject({ name: 'Xã Krông Năng', level: 2, path: ['66', '24343'] });
    expect(body.predecessors.map((p) => p.code)).toContain('24355');
    expect((await registry.get('/units/643')).status).toBe(404);
    expect((await registry.get('/units/24355')).status).toBe(404);
  });

  it("keeps a former province's operations center to the communes made from its own, not the province that absorbed it", async () => {
    // The mapping links Phú Yên (54) whole to Đắk Lắk (66) and, commune by commune, to the communes
    // made from its own: Phường Phú Yên (22240) is one; Xã Hòa Phú (24175) was made from Đắk Lắk's.
    const phuYen = registry.as(await tokenFor({ sub: 'ioc-phu-yen', role: 'ioc-operator', unit: '54' }));
    const status = async (code: string) => (await phuYen.get(`/units/${code}/coverage`)).status;
    expect({
      '22240': await status('22240'),
      '66': await status('66'),
      '24175': await status('24175'),
    }).toEqual({
      '22240': 200,
      '66': 403,
      '24175': 403,
    });
    const refusal = await phuYen.get<{ errors: unknown[] }>('/units/66/coverage');
    expect(refusal.body.errors).toEqual([{ field: 'code', reason: 'unit 66 is outside 54' }]);
  });

  it('reads a code in the tree its token means: a new province as all it was made of, a reused code as its own unit, a split commune as no new commune’s', async () => {
    // Unit codes are reused across the reform. The new Đắk Lắk (66) was made of the whole 2024
    // provinces 66 and Phú Yên (54); the new Lào Cai (15) of Lào Cai (10) and Yên Bái (15). The 2025
    // Xã Ia Băng bears 23710, which in 2024 was Xã A Dơk, not one of the communes it was made of.
    const before = '2025-03-01';
    const statusAs = async (
      unit: string,
      role: 'ioc-operator' | 'commune-officer',
      code: string,
      unitTree?: string,
    ) => {
      const caller = registry.as(await tokenFor({ sub: `${role}-${unit}`, role, unit, unitTree }));
      return (await caller.get(`/units/${code}/coverage?asOf=${before}`)).status;
    };
    expect({
      'new 66 reads 2024 Phú Yên (54)': await statusAs('66', 'ioc-operator', '54'),
      'new 66 reads 2024 Phường 1 of Tuy Hòa (22015)': await statusAs('66', 'ioc-operator', '22015'),
      'new 66 reads 2024 Khánh Hòa (56)': await statusAs('66', 'ioc-operator', '56'),
      'new 15 reads 2024 Lào Cai (10)': await statusAs('15', 'ioc-operator', '10'),
      'new 15 reads 2024 Yên Bái (15)': await statusAs('15', 'ioc-operator', '15'),
      // A token issued in the terms of 2024 (unit_tree) keeps its 15 as Yên Bái.
      'Yên Bái (15 of 2024) reads Yên Bái': await statusAs('15', 'ioc-operator', '15', old),
      'Yên Bái (15 of 2024) reads 2024 Lào Cai (10)': await statusAs('15', 'ioc-operator', '10', old),
      'Xã Ia Băng (23710) reads 2024 Xã A Dơk (23710)': await statusAs('23710', 'commune-officer', '23710'),
      // Phường Hoàn Kiếm (00070) took Hàng Mã whole; Hàng Trống (its code) and Điện Biên were split.
      'Hoàn Kiếm reads Hàng Mã (00043, whole)': await statusAs('00070', 'commune-officer', '00043'),
      'Hoàn Kiếm reads Hàng Trống (00070, split)': await statusAs('00070', 'commune-officer', '00070'),
      'Hoàn Kiếm reads Điện Biên (00019, split in four)': await statusAs('00070', 'commune-officer', '00019'),
      'new Hà Nội (01) reads Điện Biên': await statusAs('01', 'ioc-operator', '00019'),
    }).toEqual({
      'new 66 reads 2024 Phú Yên (54)': 200,
      'new 66 reads 2024 Phường 1 of Tuy Hòa (22015)': 200,
      'new 66 reads 2024 Khánh Hòa (56)': 403,
      'new 15 reads 2024 Lào Cai (10)': 200,
      'new 15 reads 2024 Yên Bái (15)': 200,
      'Yên Bái (15 of 2024) reads Yên Bái': 200,
      'Yên Bái (15 of 2024) reads 2024 Lào Cai (10)': 403,
      'Xã Ia Băng (23710) reads 2024 Xã A Dơk (23710)': 403,
      'Hoàn Kiếm reads Hàng Mã (00043, whole)': 200,
      'Hoàn Kiếm reads Hàng Trống (00070, split)': 403,
      'Hoàn Kiếm reads Điện Biên (00019, split in four)': 403,
      'new Hà Nội (01) reads Điện Biên': 200,
    });
  });

  it('finds units by name as people type it: no diacritics, abbreviations, initials, in the tree of the date', async () => {
    const search = async (q: string, asOf?: string) =>
      (
        await registry.get<FoundUnits>(
          `/units/search?q=${encodeURIComponent(q)}&limit=50${asOf ? `&asOf=${asOf}` : ''}`,
        )
      ).body;
    const bmt = await search('buon ma thuot', '2025-03-01');
    expect(bmt.treeVersion).toBe(old);
    expect(bmt.units[0]).toMatchObject({ code: '643', name: 'Thành phố Buôn Ma Thuột', match: 'exact' });
    expect(bmt.units[0]?.place).toEqual(['Tỉnh Đắk Lắk', 'Thành phố Buôn Ma Thuột']);
    expect((await search('BMT', '2025-03-01')).units.map((u) => u.code)).toContain('643');
    expect((await search('TP.HCM')).units[0]).toMatchObject({ code: '79', match: 'initials' });
    const wards = await search('P. Tân Lập', '2025-03-01');
    expect(wards.units.length).toBeGreaterThan(1);
    expect(wards.units.every((u) => u.type === 'Phường' && u.name.startsWith('Phường Tân Lập'))).toBe(true);
  });

  it('finds a unit by the name it had before the 2025 merger, after units that bear that name now', async () => {
    const { body, status } = await registry.get<FoundUnits>(
      `/units/search?q=${encodeURIComponent('Phú Lộc')}&limit=50`,
    );
    expect(status).toBe(200);
    expect(body.units.slice(0, 2).map((u) => [u.code, u.via])).toEqual([
      ['20107', 'name'],
      ['31756', 'name'],
    ]);
    expect(body.units.find((u) => u.code === '24343')).toMatchObject({
      name: 'Xã Krông Năng',
      via: 'former-name',
      matchedName: 'Xã Phú Lộc',
    });
  });

  it('refuses a query with nothing to search for, naming the field', async () => {
    const { status, body } = await registry.get<{ errors: { field: string }[] }>('/units/search?q=--');
    expect(status).toBe(400);
    expect(body.errors.map((e) => e.field)).toEqual(['q']);
  });

  it('publishes every unit change of this run once on public.registry.unit.v1, valid by the contracts', async () => {
    const messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'national-reader' });
    try {
      const ours = (await readTopic(messaging, `${registry.topicPrefix}${publicTopics.registryUnit}`)).filter(
        (m) => m.key === old || m.key === current,
      );
      const ids = new Set(ours.map((m) => m.headers['ce_id']));
      // 10,806 + 3,355 units, 2 tree openings, 3,355 lineage records.
      expect(ids.size).toBe(10_806 + 3_355 + 2 + 3_355);
      const sample = ours.filter((_, i) => i % 97 === 0);
      for (const m of sample) {
        expect(publicEventProblems(m.headers['ce_type'] ?? '', JSON.parse(m.value.toString()))).toEqual([]);
      }
    } finally {
      await messaging.close();
    }
  });
});
