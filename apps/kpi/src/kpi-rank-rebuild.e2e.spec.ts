// Two wards of one district through the public APIs: when one overtakes the other, the other's
// value is published again with its new rank (its own figures unchanged); and a rebuild from the
// full ledger into a fresh table equals the live one, is switched in, and the consumer goes on
// counting into it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publicTopics, type IndicatorChangedData } from '@nhip/contracts';
import { readTopic } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import { eventually, kafkaBrokers, personas, tokenFor } from '@nhip/testing';
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

describe('KPI service: siblings re-ranked, and a rebuild that is checked and switched in', () => {
  let platform: Platform;
  const teams = new Map<string, { teamId: string; place: string }>();
  const report = (ward: string, residentsHelped: number) => {
    const team = teams.get(ward) as { teamId: string; place: string };
    return {
      activityId: randomUUID(),
      teamId: team.teamId,
      placeCode: team.place,
      kind: 'vneid_activation',
      residentsHelped,
      occurredAt: '2024-04-02T08:00:00+07:00',
    };
  };

  beforeAll(async () => {
    platform = await startPlatform('kpi_rank');
    await importUnits2024(platform.registry);
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
  }, 180_000);
  afterAll(() => platform.stop());

  it('publishes a sibling again when another unit overtakes it, with only its rank changed', async () => {
    const { activity, kpi } = platform;
    await logActivity(activity, report('20206', 10));
    const first = await indicatorReaches(kpi, ['491', 'period=2024', helped], (f) => f?.value === 10);
    const rankOf = (reply: typeof first, ward: string) =>
      pick(reply.children.find((c) => c.code === ward)?.indicators, helped)?.rank;
    expect(rankOf(first, '20206')).toBe(1);
    await logActivity(activity, report('20207', 25));
    const district = await indicatorReaches(kpi, ['491', 'period=2024', helped], (f) => f?.value === 35);
    const ranks = district.children.map((c) => [c.code, pick(c.indicators, helped)?.rank]);
    expect(ranks).toEqual([
      ['20206', 2],
      ['20207', 1],
    ]);
    const messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'kpi-rank-spec' });
    try {
      const latest = await eventually(
        async () => {
          const read = await readTopic(messaging, `${platform.topicPrefix}${publicTopics.kpiIndicator}`);
          const ofWard = read
            .map((m) => JSON.parse(m.value.toString()) as IndicatorChangedData)
            .filter((d) => d.unitCode === '20206' && d.indicatorId === helped && d.period === '2024')
            .sort((a, b) => Number(BigInt(a.revision) - BigInt(b.revision)));
          return ofWard.at(-1)?.rank === 2 ? ofWard : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      // 20206's figures never changed after its own report: the last message only moved its rank.
      expect(latest.map((d) => [d.value, d.rank])).toEqual([
        [10, 1],
        [10, 2],
      ]);
    } finally {
      await messaging.close();
    }
  }, 180_000);

  it('rebuilds the cells from the ledger, checks them equal to the live ones, switches, and goes on counting', async () => {
    const { activity, kpi } = platform;
    const refused = await kpi.as(await tokenFor(personas.provinceIoc)).post('/rebuilds');
    expect(refused.status).toBe(403);
    const before = await indicatorsOf(kpi, '48', 'period=2024-04');
    // The fresh table is keyed and indexed as the migrations made the live one (ADR 0037).
    const indexes = () =>
      kpi.sql<{ indexname: string; indexdef: string }>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'kpi_rollups' ORDER BY indexname`,
      );
    const migrated = await indexes();
    expect(migrated.map((i) => i.indexname)).toEqual([
      'kpi_rollups_pkey',
      'kpi_rollups_stock_days',
      'kpi_rollups_stock_spans',
    ]);
    const rebuilt = await kpi.post<{ deltas: number; cells: number; switched: boolean }>('/rebuilds');
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body).toMatchObject({ switched: true });
    expect(rebuilt.body.deltas).toBeGreaterThanOrEqual(4);
    expect(rebuilt.body.cells).toBeGreaterThan(0);
    // Whoever watches the service's log saw each step as it was done.
    const told = kpi
      .output()
      .split('\n')
      .filter((line) => line.includes('"rebuild progress"'))
      .map((line) => (JSON.parse(line) as { step: string }).step);
    expect(told[0]).toBe('read');
    expect(told.slice(-5)).toEqual(['written', 'keyed', 'analyzed', 'checked', 'switched']);
    expect(await indicatorsOf(kpi, '48', 'period=2024-04')).toEqual(before);
    expect(await indexes()).toEqual(migrated);
    await logActivity(activity, report('20206', 5));
    await indicatorReaches(kpi, ['48', 'period=2024', helped], (f) => f?.value === 40);
  }, 180_000);

  it('refuses to switch when the live cells differ from the ledger, and keeps them', async () => {
    const { kpi } = platform;
    await kpi.sql(`UPDATE kpi_rollups SET value = value + 1 WHERE unit_code = '20206' AND period = '2024'`);
    const reply = await kpi.post<{ status: number; errors: { field: string; reason: string }[] }>(
      '/rebuilds',
    );
    expect(reply.status).toBe(409);
    expect(reply.body.errors).toContainEqual({
      field: `20206/${helped}/2024`,
      reason: 'rebuilt 15, live 16',
    });
    const cells = await kpi.sql<{ value: string }>(
      `SELECT value::text FROM kpi_rollups WHERE unit_code = '20206' AND metric = $1 AND period = '2024'`,
      [helped],
    );
    expect(cells).toEqual([{ value: '16' }]);
  }, 180_000);
});
