// Corrections, voids and late reports through the public APIs: each moves exactly the periods of
// the day its activity happened, `knownAt` shows what was recorded before a late report, explain
// lists the events a figure sums, and bad queries are RFC 9457 problems naming the field.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { partnerTopics, publicTopics, StatisticReportedV1, vietnamDay, type Role } from '@nhip/contracts';
import { readTopic } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import { eventually, kafkaBrokers, tokenFor } from '@nhip/testing';
import {
  indicatorReaches,
  indicatorsOf,
  logActivity,
  pick,
  registerTeam,
  registerVillage,
  reportWardHouseholds,
  importUnits2024,
  startPlatform,
  type Platform,
} from './fixtures/platform.ts';
import { expectNamedSources, expectSourcesLeadToReports, type Explained } from './fixtures/explained.ts';
import { ledgerMismatchesSql, type CellMismatch } from './ledger/ledger-check.ts';

const helped = 'residents_helped.vneid_activation';

describe('KPI service: late, corrected and voided reports, as known at a time', () => {
  let platform: Platform;
  let teamId: string;
  let place: string;
  /** The activity ids of the reports logged, in order. */
  const logged: string[] = [];
  const report = (occurredAt: string, residentsHelped: number) => {
    const activityId = randomUUID();
    logged.push(activityId);
    return {
      activityId,
      teamId,
      placeCode: place,
      kind: 'vneid_activation',
      residentsHelped,
      occurredAt,
    };
  };
  const monthly = async (month: string) =>
    pick((await indicatorsOf(platform.kpi, '20206', `period=${month}`)).indicators, helped)?.value;

  beforeAll(async () => {
    platform = await startPlatform('kpi_known');
    await importUnits2024(platform.registry);
    place = await registerVillage(platform.registry, '20206', 'Tổ dân phố 7');
    teamId = await registerTeam(platform.registry, place);
  });
  afterAll(() => platform.stop());

  it('moves only the periods of the day a voided report happened, and knownAt leaves out a late one', async () => {
    const { activity, kpi } = platform;
    const march = report('2024-03-10T08:00:00+07:00', 10);
    await logActivity(activity, march);
    await logActivity(activity, report('2024-05-05T08:00:00+07:00', 7));
    await indicatorReaches(kpi, ['20206', 'period=2024', helped], (f) => f?.value === 17);
    expect([await monthly('2024-03'), await monthly('2024-05')]).toEqual([10, 7]);

    const voided = await activity.post(
      `/activities/${march.activityId}/void`,
      { reason: 'Báo cáo trùng' },
      { 'x-actor': 'officer-7' },
    );
    expect(voided.status).toBe(200);
    await indicatorReaches(kpi, ['20206', 'period=2024', helped], (f) => f?.value === 7);
    expect([await monthly('2024-03'), await monthly('2024-05')]).toEqual([0, 7]);
    expect(pick((await indicatorsOf(kpi, '20206', 'period=2024-Q1')).indicators, helped)?.value).toBe(0);

    const before = new Date().toISOString();
    await logActivity(activity, report('2024-05-20T08:00:00+07:00', 5));
    await indicatorReaches(kpi, ['20206', 'period=2024-05', helped], (f) => f?.value === 12);
    const asKnown = await indicatorsOf(kpi, '20206', `period=2024-05&knownAt=${encodeURIComponent(before)}`);
    expect([pick(asKnown.indicators, helped)?.value, pick(asKnown.now, helped)?.value]).toEqual([7, 12]);
    // The ward above sees the same: the late report is in its totals now, not as known before.
    const ward = await indicatorsOf(kpi, '491', `period=2024&knownAt=${encodeURIComponent(before)}`);
    expect([pick(ward.indicators, helped)?.value, pick(ward.now, helped)?.value]).toEqual([7, 12]);
  });

  it('explains a figure: its formula, the target and who assigned it, the children and the events counted', async () => {
    const { kpi } = platform;
    const assigned = await kpi.post('/targets', {
      unitCode: '20206',
      indicatorId: 'vneid_vs_target',
      period: '2024',
      value: 48,
      assignedBy: '491',
    });
    expect(assigned.status).toBe(201);
    await indicatorReaches(kpi, ['20206', 'period=2024', 'vneid_vs_target'], (f) => f?.exact === '25.00');
    const reply = await kpi.get<Explained>(
      '/units/491/indicators/vneid_vs_target/explain?period=2024&limit=2',
    );
    expect(reply.status).toBe(200);
    expect(reply.body.numerator).toMatchObject({ figure: 12, source: { kind: 'metric' } });
    expect(reply.body.denominator?.figure).toBe(48);
    expect(reply.body.denominator?.source.assigned?.map((a) => a.assignedBy)).toEqual(['491']);
    expectNamedSources(reply.body);
    expect(reply.body.children.map((c) => [c.code, c.numerator])).toEqual([
      ['20206', 12],
      ['20207', 0],
    ]);
    // Four deltas in 2024: +10, +7, −10 (the void, on the day of the report it takes back), +5.
    const first = reply.body.sourceEvents;
    expect(first?.items.map((i) => [i.day, i.delta])).toEqual([
      ['2024-03-10', 10],
      ['2024-05-05', 7],
    ]);
    const rest = await kpi.get<Explained>(
      `/units/491/indicators/vneid_vs_target/explain?period=2024&limit=2&after=${first?.next ?? ''}`,
    );
    expect(rest.body.sourceEvents?.items.map((i) => [i.day, i.delta])).toEqual([
      ['2024-03-10', -10],
      ['2024-05-20', 5],
    ]);
    await expectSourcesLeadToReports(platform.activity, [reply.body, rest.body], {
      reports: [0, 1, 0, 2].map((n) => logged[n] ?? ''),
      place: { code: place, name: 'Tổ dân phố 7' },
    });
  });

  it('draws a monthly series and takes statistics with their source', async () => {
    const { kpi } = platform;
    const series = await kpi.get<{ points: { period: string; value: number | null }[] }>(
      `/units/20206/indicators/${helped}/series?from=2024-02&to=2024-05`,
    );
    expect(series.body.points.map((p) => [p.period, p.value])).toEqual([
      ['2024-02', 0],
      ['2024-03', 0],
      ['2024-04', 0],
      ['2024-05', 12],
    ]);
    await reportWardHouseholds(kpi);
    const reply = await indicatorsOf(kpi, '20206', 'period=2024');
    expect(pick(reply.indicators, 'digital_address_households')).toMatchObject({
      exact: '37.50',
      numerator: 300,
      denominator: 800,
    });
  });

  it('takes statistics from partners on partner.statistics.v1, dead-letters a bad one and tells its partner why', async () => {
    const messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'kpi-e2e-partner' });
    const topic = `${platform.topicPrefix}${partnerTopics.statistics}`;
    const send = (data: unknown) => ({
      topic,
      key: '20206',
      value: JSON.stringify(data),
      headers: {
        ce_specversion: '1.0',
        ce_id: randomUUID(),
        ce_type: StatisticReportedV1.type,
        ce_source: '/partner/gso',
      },
    });
    const report = { unitCode: '20206', asOf: '2024-12-31', source: 'Cục Thống kê TP Đà Nẵng' };
    try {
      const bad = send({ ...report, statistic: 'population_15_plus', value: -3 });
      await messaging.publisher.publish([
        send({ ...report, statistic: 'population_15_plus', value: 2000 }),
        send({ ...report, statistic: 'residents_with_e_payment_account', value: 1570 }),
        bad,
      ]);
      const reply = await indicatorReaches(
        platform.kpi,
        ['20206', 'period=2024', 'e_payment_15_plus'],
        (f) => f?.exact === '78.50',
      );
      expect(pick(reply.indicators, 'e_payment_15_plus')).toMatchObject({
        numerator: 1570,
        denominator: 2000,
      });
      const letters = await eventually(
        async () => {
          const read = await readTopic(messaging, `${topic}.dlt`);
          return read.length > 0 ? read : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      expect(letters).toHaveLength(1);
      expect(letters[0]?.headers['dlt_detail']).toMatch(/\/value/);
      // The partner cannot read the dead-letter topic: it reads why on a public one.
      const refusals = `${platform.topicPrefix}${publicTopics.kpiStatisticRefusal}`;
      const [answer] = await eventually(async () => {
        const read = await readTopic(messaging, refusals);
        return read.length > 0 ? read : undefined;
      });
      expect([answer?.key, JSON.parse(answer?.value.toString() ?? '{}')]).toEqual([
        '/partner/gso',
        expect.objectContaining({
          statisticEventId: bad.headers.ce_id,
          reason: 'refused',
          detail: expect.stringMatching(/\/value/),
        }),
      ]);
    } finally {
      await messaging.close();
    }
  });

  it('keeps the lineage of the 2025 reform from the registry', async () => {
    const { registry, kpi } = platform;
    const fixtures = new URL('../../registry/src/fixtures/', import.meta.url);
    const imported = await registry.post(
      '/unit-trees/vn-2025/imports?effectiveFrom=2025-07-01',
      fs.readFileSync(new URL('dak-lak-pilot-2025.csv', fixtures)),
      { 'content-type': 'text/csv' },
    );
    const mapped = await registry.post(
      '/unit-trees/vn-2025/lineage?from=vn-2024',
      fs.readFileSync(new URL('dak-lak-pilot-mapping.csv', fixtures)),
      { 'content-type': 'text/csv' },
    );
    expect([imported.status, mapped.status].every((s) => s < 300)).toBe(true);
    const lineage = await eventually(async () => {
      const rows = await kpi.sql<{ code: string; predecessor_code: string }>(
        `SELECT code, predecessor_code FROM kpi_unit_lineage WHERE tree_version = 'vn-2025' ORDER BY code`,
      );
      return rows.length === 3 ? rows : undefined;
    });
    expect(lineage.map((r) => [r.code, r.predecessor_code])).toEqual([
      ['24175', '24172'],
      ['24343', '24355'],
      ['66', '66'],
    ]);
  });

  it('shows a former district through the communes that replaced it', async () => {
    const { registry, activity, kpi } = platform;
    const village = await registerVillage(registry, '24175', 'Thôn 3');
    const team = await registerTeam(registry, village);
    const now = new Date(Date.now() - 3_600_000).toISOString();
    await logActivity(activity, { ...report(now, 9), teamId: team, placeCode: village });
    const year = `period=${vietnamDay(now).slice(0, 4)}`;
    await indicatorReaches(kpi, ['24175', year, helped], (f) => f?.value === 9);
    type Grouping = { indicators: { id: string; value: number | null }[]; members: { code: string }[] };
    const former = await kpi.get<Grouping>(`/former-units/vn-2024/643/indicators?${year}`);
    expect(former.body.members.map((m) => m.code)).toEqual(['24175']);
    expect(former.body.indicators.find((i) => i.id === helped)?.value).toBe(9);
    const other = await kpi.get<Grouping>(`/former-units/vn-2024/650/indicators?${year}`);
    expect(other.body.members.map((m) => m.code)).toEqual(['24343']);
    expect(other.body.indicators.find((i) => i.id === helped)?.value).toBe(0);
    expect((await kpi.get(`/former-units/vn-2024/20207/indicators?${year}`)).status).toBe(404);
    // Its own drill-down reads the same: the successors as children, named as itself in 2024.
    type View = {
      unit: { code: string; treeVersion: string };
      successorsIn: string | null;
      indicators: Grouping['indicators'];
      children: { code: string; indicators: Grouping['indicators'] }[];
    };
    for (const asked of [year, `${year}&knownAt=${new Date().toISOString()}`]) {
      const own = await kpi.get<View>(`/units/643/indicators?${asked}`);
      expect(own.status).toBe(200);
      expect([own.body.unit, own.body.successorsIn]).toEqual([
        { code: '643', name: expect.any(String), treeVersion: 'vn-2024' },
        'vn-2025',
      ]);
      expect(own.body.children.map((c) => c.code)).toEqual(['24175']);
      expect(own.body.indicators.find((i) => i.id === helped)?.value).toBe(9);
      expect(own.body.children[0]?.indicators.find((i) => i.id === helped)?.value).toBe(9);
    }
    const before = await kpi.get<View>('/units/643/indicators?period=2024');
    expect([before.body.unit.treeVersion, before.body.successorsIn]).toEqual(['vn-2024', null]);
    expect(before.body.children.map((c) => c.code)).not.toContain('24175');
  });

  it('names the targets of a former district, explained for a later year, in its successors’ tree', async () => {
    const { kpi } = platform;
    const year = vietnamDay(new Date().toISOString()).slice(0, 4);
    const assigned = await kpi.post('/targets', {
      unitCode: '24175',
      indicatorId: 'vneid_vs_target',
      period: year,
      value: 100,
      assignedBy: '66',
    });
    expect(assigned.status).toBe(201);
    const explained = await kpi.get<Explained>(
      `/units/643/indicators/vneid_vs_target/explain?period=${year}`,
    );
    // 24175 is a commune of the 2025 tree only: named from the 2024 one it would have no name.
    expect(explained.body.denominator?.source.assigned).toEqual([
      expect.objectContaining({ unitCode: '24175', unitName: 'Xã Hòa Phú', assignedByName: 'Tỉnh Đắk Lắk' }),
    ]);
  });

  it('keeps every rollup cell equal to the sum of its ledger deltas', async () => {
    const rows = await platform.kpi.sql<CellMismatch>(ledgerMismatchesSql);
    const cells = await platform.kpi.sql<{ n: number }>('SELECT count(*)::int AS n FROM kpi_rollups');
    expect(cells[0]?.n).toBeGreaterThan(0);
    expect(rows).toEqual([]);
  });

  it('answers each role within its area: aggregates to all, explain not to partners, targets from the province', async () => {
    const { kpi } = platform;
    const as = async (role: Role, unit: string) =>
      kpi.as(await tokenFor({ sub: `kpi-${role}-${unit}`, role, unit }));
    const officer = await as('commune-officer', '20206');
    const partner = await as('partner', '48');
    const statuses = [
      (await officer.get('/units/20206/indicators?period=2024')).status,
      (await officer.get('/units/20207/indicators?period=2024')).status,
      (await officer.get('/units/491/indicators?period=2024')).status,
      (await partner.get('/units/491/indicators?period=2024')).status,
      (await partner.get('/units/491/indicators/vneid_vs_target/explain?period=2024')).status,
      (await officer.get('/units/20206/indicators/vneid_vs_target/explain?period=2024')).status,
    ];
    expect(statuses).toEqual([200, 403, 403, 200, 403, 200]);
    const target = {
      unitCode: '20206',
      indicatorId: 'vneid_vs_target',
      period: '2024',
      value: 50,
      assignedBy: '491',
    };
    const writes = [
      (await (await as('district-oc', '491')).post('/targets', target)).status,
      (await (await as('ioc-operator', '66')).post('/targets', target)).status,
      (await (await as('ioc-operator', '48')).post('/targets', target)).status,
    ];
    expect(writes).toEqual([403, 403, 201]);
    const anonymous = await fetch(`${kpi.base}/units/20206/indicators?period=2024`);
    expect(anonymous.status).toBe(401);
  });

  it.each([
    ['a period that is not one', '/units/20206/indicators?period=2024-13', 'period'],
    ['a knownAt that is not a time', '/units/20206/indicators?period=2024&knownAt=yesterday', 'knownAt'],
    ['an unknown unit', '/units/99999/indicators?period=2024', 'code'],
    [
      'an indicator the catalog lacks',
      '/units/20206/indicators?period=2024&indicators=vneid_vs_target,nope',
      'indicators',
    ],
    [
      'an indicator list that is not one',
      '/units/20206/indicators?period=2024&indicators=a,,b',
      'indicators',
    ],
    ['fields that are not a choice', '/units/20206/indicators?period=2024&fields=names', 'fields'],
    ['an unknown indicator', '/units/20206/indicators/nope/explain?period=2024', 'indicatorId'],
    ['a series across kinds', `/units/20206/indicators/${helped}/series?from=2024-01&to=2024`, 'to'],
  ])('answers %s with a problem naming the field', async (_what, url, field) => {
    const reply = await platform.kpi.get<{ errors?: { field: string }[] }>(url);
    expect(reply.status >= 400 && reply.status < 500).toBe(true);
    expect(reply.contentType).toMatch(/^application\/problem\+json/);
    expect(reply.body.errors?.map((e) => e.field)).toContain(field);
  });

  it('answers more scoped explanations at once than its pool has connections', async () => {
    const officer = platform.kpi.as(
      await tokenFor({ sub: 'kpi-officer-many', role: 'commune-officer', unit: '20206' }),
    );
    // Each reads its figures in a snapshot of its own; none may hold it while its scope check waits.
    const replies = await Promise.all(
      Array.from({ length: 24 }, () =>
        officer.get('/units/20206/indicators/vneid_vs_target/explain?period=2024'),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array.from({ length: 24 }, () => 200));
  });

  it('refuses a target assigned by a unit that is not above', async () => {
    const reply = await platform.kpi.post<{ errors?: { field: string }[] }>('/targets', {
      unitCode: '20206',
      indicatorId: 'vneid_vs_target',
      period: '2024',
      value: 10,
      assignedBy: '66',
    });
    expect([reply.status, reply.body.errors?.[0]?.field]).toEqual([400, 'assignedBy']);
  });

  // Last: it adds to 2024, whose totals the tests above check.
  it('pages the source events a figure counted, not those recorded after it was read', async () => {
    const { activity, kpi } = platform;
    const month = `/units/491/indicators/${helped}/explain?period=2024-11`;
    await logActivity(activity, report('2024-11-04T09:00:00+07:00', 10));
    await logActivity(activity, report('2024-11-05T09:00:00+07:00', 7));
    await indicatorReaches(kpi, ['491', 'period=2024-11', helped], (f) => f?.value === 17);
    const first = (await kpi.get<Explained>(`${month}&limit=1`)).body;
    expect([first.numerator.figure, first.sourceEvents?.items.map((i) => i.delta)]).toEqual([17, [10]]);
    await logActivity(activity, report('2024-11-06T09:00:00+07:00', 5));
    await indicatorReaches(kpi, ['491', 'period=2024-11', helped], (f) => f?.value === 22);
    const { next, until } = first.sourceEvents ?? {};
    const deltas = async (query: string) =>
      (await kpi.get<Explained>(`${month}&${query}`)).body.sourceEvents?.items.map((i) => i.delta);
    // Up to where the ledger stood under the first page: the 7 the figure counted, not the 5 since.
    await expect(deltas(`after=${next}&until=${until}`)).resolves.toEqual([7]);
    await expect(deltas(`after=${next}`)).resolves.toEqual([7, 5]);
    // Newest first, where a figure's latest jump is, paged downwards from the same bound.
    const latest = (await kpi.get<Explained>(`${month}&order=newest&limit=1&until=${until}`)).body;
    expect(latest.sourceEvents?.items.map((i) => i.delta)).toEqual([7]);
    await expect(deltas(`order=newest&after=${latest.sourceEvents?.next}`)).resolves.toEqual([10]);
    await expect(deltas('order=newest')).resolves.toEqual([5, 7, 10]);
    expect((await kpi.get(`${month}&order=latest`)).status).toBe(400);
  });
});
