// A year to date ("lũy kế từ đầu năm") through the public APIs: summed from 1 January to the end of
// a day, month or quarter, measured against the year's target, as known at an earlier time, explained
// by the events of those days, drawn as a running total; a target is never assigned for one (ADR 0057).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
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
import type { Explained } from './fixtures/explained.ts';

const indicator = 'vneid_vs_target';

describe('KPI service: a year to date', () => {
  let platform: Platform;
  /** Before the March report was voided. */
  let beforeVoid: string;
  const toDate = async (code: string, query: string) => {
    const figures = pick((await indicatorsOf(platform.kpi, code, query)).indicators, indicator);
    return [figures?.numerator, figures?.denominator, figures?.exact];
  };

  beforeAll(async () => {
    platform = await startPlatform('kpi_to_date');
    const { registry, activity, kpi } = platform;
    await importUnits2024(registry);
    const placeCode = await registerVillage(registry, '20206', 'Tổ dân phố 3');
    const teamId = await registerTeam(registry, placeCode);
    const report = (day: string, residentsHelped: number) => ({
      activityId: randomUUID(),
      teamId,
      placeCode,
      kind: 'vneid_activation',
      residentsHelped,
      occurredAt: `${day}T08:00:00+07:00`,
    });
    const march = report('2024-03-10', 10);
    for (const r of [march, report('2024-05-05', 7), report('2024-05-20', 5)]) await logActivity(activity, r);
    const target = {
      unitCode: '20206',
      indicatorId: indicator,
      period: '2024',
      value: 48,
      assignedBy: '491',
    };
    expect((await kpi.post('/targets', target)).status).toBe(201);
    await indicatorReaches(kpi, ['20206', 'period=2024', indicator], (f) => f?.numerator === 22);
    beforeVoid = new Date().toISOString();
    const voided = await activity.post(`/activities/${march.activityId}/void`, { reason: 'Báo cáo trùng' });
    expect(voided.status).toBe(200);
    await indicatorReaches(kpi, ['20206', 'period=2024', indicator], (f) => f?.numerator === 12);
  });
  afterAll(() => platform.stop());

  it('sums the days from 1 January to its end against the year’s target, for the ward above too', async () => {
    expect([
      await toDate('20206', 'period=2024-to-04'),
      await toDate('20206', 'period=2024-to-05-10'),
      await toDate('20206', 'period=2024-to-Q2'),
      await toDate('491', 'period=2024-to-Q2'),
    ]).toEqual([
      [0, 48, '0.00'],
      [7, 48, '14.58'],
      [12, 48, '25.00'],
      [12, 48, '25.00'],
    ]);
    // A quarter is measured against a target assigned for that quarter, and none was.
    expect(await toDate('20206', 'period=2024-Q2')).toEqual([12, null, null]);
    // As known before the void, the March report still counts.
    const asKnown = await indicatorsOf(
      platform.kpi,
      '20206',
      `period=2024-to-04&knownAt=${encodeURIComponent(beforeVoid)}`,
    );
    expect([pick(asKnown.indicators, indicator)?.exact, pick(asKnown.now, indicator)?.exact]).toEqual([
      '20.83',
      '0.00',
    ]);
  });

  it('is explained by the events of its days and the target of its year', async () => {
    const explained = await platform.kpi.get<Explained>(
      `/units/20206/indicators/${indicator}/explain?period=2024-to-05-10`,
    );
    expect(explained.status).toBe(200);
    expect(explained.body.denominator).toMatchObject({ figure: 48, source: { period: '2024' } });
    // Not the report of 20 May.
    expect(explained.body.sourceEvents?.items.map((i) => [i.day, i.delta])).toEqual([
      ['2024-03-10', 10],
      ['2024-05-05', 7],
      ['2024-03-10', -10],
    ]);
  });

  it('draws a running total month by month', async () => {
    const series = await platform.kpi.get<{ points: { period: string; numerator: number | null }[] }>(
      `/units/20206/indicators/${indicator}/series?from=2024-to-03&to=2024-to-06`,
    );
    expect(series.body.points.map((p) => [p.period, p.numerator])).toEqual([
      ['2024-to-03', 0],
      ['2024-to-04', 0],
      ['2024-to-05', 12],
      ['2024-to-06', 12],
    ]);
  });

  it('answers what is not one with a problem naming the field', async () => {
    const { kpi } = platform;
    const through13 = await kpi.get('/units/20206/indicators?period=2024-to-13');
    const mixed = await kpi.get(`/units/20206/indicators/${indicator}/series?from=2024-to-03&to=2024-to-Q2`);
    const assigned = await kpi.post('/targets', {
      unitCode: '20206',
      indicatorId: indicator,
      period: '2024-to-06',
      value: 24,
      assignedBy: '491',
    });
    expect([through13, mixed, assigned].map((r) => [r.status, r.contentType])).toEqual(
      Array.from({ length: 3 }, () => [400, expect.stringMatching(/^application\/problem\+json/)]),
    );
    expect([through13.body, mixed.body, assigned.body]).toMatchObject([
      { errors: [{ field: 'period' }] },
      { errors: [{ field: 'to', reason: 'must be a year to date through a month like from' }] },
      { errors: [{ field: 'period' }] },
    ]);
  });
});
