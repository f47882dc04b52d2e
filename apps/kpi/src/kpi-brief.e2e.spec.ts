// The cases of the domain brief end to end, through the public APIs of the registry, the activity
// service and the KPI service on the real broker and databases: Thanh Khê Đông's VNeID target and
// its rollup, the Đắk Lắk pilot's villages with an active team, and a dissolved team's members.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publicEventProblems, publicTopics, vietnamDay, type IndicatorChangedData } from '@nhip/contracts';
import { readTopic } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import { eventually, kafkaBrokers } from '@nhip/testing';
import {
  attend,
  heldSession,
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

const thisYear = vietnamDay(new Date()).slice(0, 4);

/** 13,387 VNeID activations over 16 residential groups, as the ward reported them. */
const activations = [...Array.from({ length: 15 }, () => 836), 13_387 - 15 * 836];

describe('KPI service: the cases of the domain brief', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform('kpi_brief');
    await importUnits2024(platform.registry);
    // Four services started one after another: on a busy machine more than the tiers' 90 s default.
  }, 180_000);
  afterAll(() => platform.stop());

  it('gives Thanh Khê Đông 134.54 % of its VNeID target and rolls it up to Quận Thanh Khê and Đà Nẵng', async () => {
    const { registry, activity, kpi } = platform;
    for (const [i, residents] of activations.entries()) {
      const group = await registerVillage(registry, '20207', `Tổ dân phố ${i + 1}`);
      const teamId = await registerTeam(registry, group);
      await logActivity(activity, {
        activityId: randomUUID(),
        teamId,
        placeCode: group,
        kind: 'vneid_activation',
        residentsHelped: residents,
        occurredAt: `2024-0${1 + (i % 9)}-15T09:00:00+07:00`,
      });
    }
    const assigned = await kpi.post('/targets', {
      unitCode: '20207',
      indicatorId: 'vneid_vs_target',
      period: '2024',
      value: 9950,
      assignedBy: '48',
    });
    expect(assigned.status).toBe(201);

    const ward = await indicatorReaches(
      kpi,
      ['20207', 'period=2024', 'vneid_vs_target'],
      (f) => f?.numerator === 13_387,
    );
    expect(pick(ward.indicators, 'vneid_vs_target')).toMatchObject({
      value: 134.54,
      exact: '134.54',
      numerator: 13_387,
      denominator: 9_950,
      target: 9_950,
    });
    const district = await indicatorsOf(kpi, '491', 'period=2024');
    expect(pick(district.indicators, 'vneid_vs_target')).toMatchObject({
      numerator: 13_387,
      exact: '134.54',
    });
    const ranked = district.children.map((c) => [
      c.code,
      pick(c.indicators, 'vneid_vs_target')?.rank ?? null,
    ]);
    expect(ranked).toEqual([
      ['20206', null],
      ['20207', 1],
    ]);
    const city = await indicatorsOf(kpi, '48', 'period=2024');
    expect(pick(city.indicators, 'residents_helped.vneid_activation')).toMatchObject({ value: 13_387 });
    expect(pick(city.indicators, 'vneid_vs_target')).toMatchObject({ exact: '134.54' });
  });

  it('answers only the indicators asked for, in catalog order, each as the whole drill-down has it', async () => {
    const { kpi } = platform;
    // Asked out of catalog order: the answer keeps the catalog's.
    const asked = ['residents_helped.vneid_activation', 'vneid_vs_target'];
    const only = `indicators=${asked.join(',')}`;
    const whole = await indicatorsOf(kpi, '491', 'period=2024');
    const cut = await indicatorsOf(kpi, '491', `period=2024&${only}`);
    const kept = (list: typeof whole.indicators) => list.filter((i) => asked.includes(i.id));
    expect(cut.indicators.map((i) => i.id)).toEqual(['vneid_vs_target', 'residents_helped.vneid_activation']);
    expect(cut.indicators).toEqual(kept(whole.indicators));
    expect(cut.children).toEqual(whole.children.map((c) => ({ ...c, indicators: kept(c.indicators) })));
    expect(pick(cut.children[1]?.indicators, 'vneid_vs_target')).toMatchObject({ exact: '134.54', rank: 1 });
    // As known at an instant, both lists are cut alike.
    const known = await kpi.get<{ indicators: { id: string }[]; now: { id: string }[] }>(
      `/units/491/indicators?period=2024&knownAt=${new Date().toISOString()}&indicators=vneid_vs_target`,
    );
    expect([known.body.indicators.map((i) => i.id), known.body.now.map((i) => i.id)]).toEqual([
      ['vneid_vs_target'],
      ['vneid_vs_target'],
    ]);
  });

  it('answers only the figures when asked, the names and comparison lines being the catalog’s', async () => {
    const { kpi } = platform;
    const figure = ['value', 'exact', 'numerator', 'denominator', 'target', 'attainment', 'rank', 'missing'];
    const figuresOf = (list: readonly object[]) =>
      list.map((i) =>
        Object.fromEntries(['id', 'version', ...figure].map((k) => [k, (i as Record<string, unknown>)[k]])),
      );
    const whole = await indicatorsOf(kpi, '491', 'period=2024');
    const bare = await indicatorsOf(kpi, '491', 'period=2024&fields=figures');
    expect(bare.indicators).toEqual(figuresOf(whole.indicators));
    expect(bare.children).toEqual(whole.children.map((c) => ({ ...c, indicators: figuresOf(c.indicators) })));
    expect(pick(bare.children[1]?.indicators, 'vneid_vs_target')).toMatchObject({ exact: '134.54', rank: 1 });
    // As known at an instant too, with the indicators asked for.
    const known = await kpi.get<{ indicators: object[]; now: object[] }>(
      `/units/491/indicators?period=2024&knownAt=${new Date().toISOString()}&indicators=vneid_vs_target&fields=figures`,
    );
    expect([...known.body.indicators, ...known.body.now].map((i) => Object.keys(i).sort())).toEqual([
      ['id', 'version', ...figure].sort(),
      ['id', 'version', ...figure].sort(),
    ]);
  });

  it('publishes the ward’s value on public.kpi.indicator.v1, valid against its contract', async () => {
    const messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'kpi-e2e-reader' });
    const latest = (values: IndicatorChangedData[]) =>
      values.reduce<IndicatorChangedData | undefined>(
        (best, v) => (best && BigInt(best.revision) > BigInt(v.revision) ? best : v),
        undefined,
      );
    try {
      const ward = await eventually(
        async () => {
          const messages = await readTopic(messaging, `${platform.topicPrefix}${publicTopics.kpiIndicator}`);
          const values = messages
            .map((m) => JSON.parse(m.value.toString()) as IndicatorChangedData)
            .filter(
              (v) => v.unitCode === '20207' && v.indicatorId === 'vneid_vs_target' && v.period === '2024',
            );
          // Delivery follows transaction ids, not commits: the highest revision is the latest value.
          return latest(values)?.exact === '134.54' ? values : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      const last = latest(ward);
      expect(publicEventProblems('vn.nhip.kpi.indicator.changed.v1', last)).toEqual([]);
      expect(last).toMatchObject({ numerator: 13_387, denominator: 9_950, target: 9_950, version: 1 });
      // Only changes are published: no two values of the ward for 2024, in revision order, are the same.
      const figures = ward
        .sort((x, y) => (BigInt(x.revision) < BigInt(y.revision) ? -1 : 1))
        .map((v) => JSON.stringify({ ...v, position: undefined, revision: undefined }));
      expect(figures.filter((f, i) => f === figures[i - 1])).toEqual([]);
    } finally {
      await messaging.close();
    }
  });

  describe('the Đắk Lắk pilot', () => {
    const teams = new Map<string, string[]>();

    beforeAll(async () => {
      for (const commune of ['24172', '24355']) {
        const list: string[] = [];
        for (let v = 1; v <= 15; v++) {
          list.push(
            await registerTeam(
              platform.registry,
              await registerVillage(platform.registry, commune, `Thôn ${v}`),
            ),
          );
        }
        teams.set(commune, list);
      }
    });

    it('gives Hòa Phú and Phú Lộc 15/15 villages with an active team', async () => {
      for (const [district, commune] of [
        ['643', '24172'],
        ['650', '24355'],
      ] as const) {
        await indicatorReaches(
          platform.kpi,
          [commune, `period=${thisYear}`, 'villages_with_active_team'],
          (f) => f?.numerator === 15,
        );
        const reply = await indicatorsOf(platform.kpi, district, `period=${thisYear}`);
        const child = reply.children.find((c) => c.code === commune);
        expect(pick(child?.indicators, 'villages_with_active_team')).toMatchObject({
          value: 100,
          exact: '100.00',
          numerator: 15,
          denominator: 15,
        });
      }
    });

    it('takes a dissolved team’s members out of the active members and the trained, a member of two teams or trained twice counting once', async () => {
      const { registry, training, kpi } = platform;
      const [first = '', second = ''] = teams.get('24172') ?? [];
      const member = async () =>
        (await registry.post<{ memberId: string }>('/members', { fullName: 'Y Bhăm Niê' })).body.memberId;
      const [a, shared, b] = [await member(), await member(), await member()];
      const join = (teamId: string, memberId: string) =>
        registry.post(`/teams/${teamId}/members`, { memberId, role: 'member', affiliation: 'youth_union' });
      for (const [teamId, memberId] of [
        [first, a],
        [first, shared],
        [second, shared],
        [second, b],
      ] as const) {
        expect((await join(teamId, memberId)).status).toBeLessThan(300);
      }
      const query = `period=${thisYear}`;
      const before = await indicatorReaches(
        kpi,
        ['24172', query, 'active_members_per_team'],
        (f) => f?.numerator === 3,
      );
      expect(pick(before.indicators, 'active_members_per_team')).toMatchObject({
        denominator: 15,
        exact: '0.2',
      });

      const sessions = [
        await heldSession(training, '24172', '2026-11-20'),
        await heldSession(training, '24172', '2026-11-27'),
      ];
      for (const [sessionId, memberId] of [
        [sessions[0], shared],
        [sessions[1], shared],
        [sessions[0], a],
      ] as const) {
        await attend(training, sessionId ?? '', memberId);
      }
      const trained = await indicatorReaches(
        kpi,
        ['24172', query, 'members_trained'],
        (f) => f?.numerator === 2,
      );
      expect(pick(trained.indicators, 'members_trained')).toMatchObject({ denominator: 3, exact: '66.67' });

      const dissolved = await registry.post(`/teams/${first}/dissolution`, { reason: 'Sáp nhập thôn' });
      expect(dissolved.status).toBe(200);
      const after = await indicatorReaches(
        kpi,
        ['24172', query, 'active_members_per_team'],
        (f) => f?.numerator === 2,
      );
      expect(pick(after.indicators, 'active_members_per_team')).toMatchObject({
        denominator: 14,
        exact: '0.1',
      });
      expect(pick(after.indicators, 'villages_with_active_team')).toMatchObject({
        numerator: 14,
        exact: '93.33',
      });
    });
  });

  it.each([
    ['an unknown unit', { unitCode: '99999' }, 404, 'unitCode'],
    ['a unit code that is not one', { unitCode: 'abc' }, 400, 'unitCode'],
  ])('answers a target for %s naming the body’s field', async (_what, change, status, field) => {
    const target = {
      unitCode: '20206',
      indicatorId: 'vneid_vs_target',
      period: '2024',
      value: 5,
      assignedBy: '491',
    };
    const reply = await platform.kpi.post<{ errors?: { field: string }[] }>('/targets', {
      ...target,
      ...change,
    });
    expect(reply.status).toBe(status);
    expect(reply.body.errors?.map((e) => e.field)).toEqual([field]);
  });
});
