// A named grouping of arbitrary units through the public APIs on the real broker and database: a
// province's operations center names two wards, reads them like a unit (their sums, themselves as
// the children ranked among them, a series), and every bad definition is an RFC 9457 problem.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, tokenFor } from '@nhip/testing';
import {
  indicatorReaches,
  indicatorsOf,
  logActivity,
  pick,
  registerTeam,
  registerVillage,
  importUnits2024,
  startPlatform,
  type Platform,
} from './fixtures/platform.ts';

const helped = 'residents_helped.vneid_activation';
const code = 'thanh-khe-hai-phuong';

describe('KPI service: a named grouping of units, defined and read like a unit', () => {
  let platform: Platform;
  const asIoc = async (unit: string) =>
    platform.kpi.as(await tokenFor({ sub: `kpi-ioc-${unit}`, role: 'ioc-operator', unit }));

  beforeAll(async () => {
    platform = await startPlatform('kpi_groupings');
    await importUnits2024(platform.registry);
    const teams = new Map<string, { teamId: string; place: string }>();
    for (const ward of ['20206', '20207']) {
      const place = await registerVillage(platform.registry, ward, `Tổ dân phố ${ward}`);
      teams.set(ward, { teamId: await registerTeam(platform.registry, place), place });
    }
    // The KPI service has followed the tree (a busy machine takes a while).
    await eventually(
      async () => (await platform.kpi.get('/units/48/indicators?period=2024')).status === 200,
      {
        timeoutMs: 120_000,
      },
    );
    for (const [ward, residentsHelped] of [
      ['20206', 10],
      ['20207', 25],
    ] as const) {
      const team = teams.get(ward) as { teamId: string; place: string };
      await logActivity(platform.activity, {
        activityId: randomUUID(),
        teamId: team.teamId,
        placeCode: team.place,
        kind: 'vneid_activation',
        residentsHelped,
        occurredAt: '2024-04-02T08:00:00+07:00',
      });
    }
    await indicatorReaches(platform.kpi, ['491', 'period=2024', helped], (f) => f?.value === 35);
  }, 240_000);
  afterAll(() => platform.stop());

  it('is defined by the province’s operations center and rolls up like a unit', async () => {
    const ioc = await asIoc('48');
    const defined = await ioc.post<{ code: string; units: string[]; treeVersion: string }>('/groupings', {
      code,
      name: 'Hai phường Thanh Khê',
      units: ['20207', '20206'],
    });
    expect(defined.status).toBe(201);
    expect(defined.body).toMatchObject({ code, units: ['20207', '20206'], treeVersion: 'vn-2024' });
    const view = await indicatorsOf(platform.kpi, code, 'period=2024');
    expect(pick(view.indicators, helped)?.value).toBe(35);
    expect(
      view.children.map((c) => [c.code, pick(c.indicators, helped)?.value, pick(c.indicators, helped)?.rank]),
    ).toEqual([
      ['20206', 10, 2],
      ['20207', 25, 1],
    ]);
    const quarter = await indicatorsOf(platform.kpi, code, 'period=2024-Q1');
    expect(pick(quarter.indicators, helped)?.value ?? 0).toBe(0);
    const series = await ioc.get<{ points: { period: string; value: number | null }[] }>(
      `/units/${code}/indicators/${helped}/series?from=2024-03&to=2024-05`,
    );
    expect(series.status).toBe(200);
    expect(series.body.points.map((p) => [p.period, p.value ?? 0])).toEqual([
      ['2024-03', 0],
      ['2024-04', 35],
      ['2024-05', 0],
    ]);
    expect((await (await asIoc('66')).get(`/units/${code}/indicators?period=2024`)).status).toBe(403);
  });

  it('explains a grouping’s figure like a unit’s: members as children, their events, the same scope', async () => {
    const url = `/units/${code}/indicators/${helped}/explain?period=2024`;
    const reply = await (
      await asIoc('48')
    ).get<{
      unit: { code: string };
      numerator: { figure: number; source: { kind: string } };
      children: { code: string; numerator: number; rank: number }[];
      sourceEvents: { items: { delta: number }[] };
    }>(url);
    expect(reply.status).toBe(200);
    expect(reply.body.unit.code).toBe(code);
    expect(reply.body.numerator).toMatchObject({ figure: 35, source: { kind: 'metric' } });
    expect(reply.body.children.map((c) => [c.code, c.numerator, c.rank])).toEqual([
      ['20206', 10, 2],
      ['20207', 25, 1],
    ]);
    expect(reply.body.sourceEvents.items.map((i) => i.delta).sort((a, b) => a - b)).toEqual([10, 25]);
    expect((await (await asIoc('66')).get(url)).status).toBe(403);
    expect((await platform.kpi.get(`/units/chua-co/indicators/${helped}/explain?period=2024`)).status).toBe(
      404,
    );
  });

  it.each([
    ['a code defined already', { code, name: 'Lại', units: ['20206'] }, 409, 'code'],
    [
      'a unit the tree does not have',
      { code: 'co-don-vi-la', name: 'Lạ', units: ['20206', '99999'] },
      422,
      'units[1]',
    ],
    [
      'a unit outside the caller’s area',
      { code: 'ngoai-tinh', name: 'Ngoài', units: ['20206', '24172'] },
      403,
      'units[1]',
    ],
    ['an empty set', { code: 'rong', name: 'Rỗng', units: [] }, 400, 'units'],
    ['a code shaped like a unit’s', { code: '20206', name: 'Số', units: ['20206'] }, 400, 'code'],
  ])('answers %s with a problem', async (_what, body, status, field) => {
    const reply = await (await asIoc('48')).post<{ errors?: { field: string }[] }>('/groupings', body);
    expect(reply.status).toBe(status);
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    expect(reply.body.errors?.map((e) => e.field)).toContain(field);
  });

  it('is not defined by a district’s operations center, and an unknown grouping is a 404', async () => {
    const districtOc = platform.kpi.as(
      await tokenFor({ sub: 'kpi-oc-491', role: 'district-oc', unit: '491' }),
    );
    const refused = await districtOc.post('/groupings', { code: 'quan', name: 'Quận', units: ['20206'] });
    expect(refused.status).toBe(403);
    expect((await platform.kpi.get('/units/chua-co/indicators?period=2024')).status).toBe(404);
  });
});
