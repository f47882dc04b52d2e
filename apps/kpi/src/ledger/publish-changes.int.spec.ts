// What a batch publishes: the indicators that read what it changed, at the units it touched and
// their siblings, and none of the others (real PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { inTransaction } from '@nhip/event-sourcing';
import { freshTestDatabase, migrationHarness } from '@nhip/testing';
import type pg from 'pg';
import type { MetricId } from '../indicators/indicator.ts';
import { lastOutboxId, publishedSince } from '../fixtures/published-values.ts';
import { kpiDataSource } from '../schema/kpi-data-source.ts';
import { siblingsByDay } from './batch-figures.queries.ts';
import { recordBatch } from './record-batch.ts';

describe('a batch publishes the indicators that read what it changed (real PostgreSQL)', () => {
  const { start, plainPool, close } = migrationHarness(kpiDataSource);
  let pool: pg.Pool;
  let batches = 0;
  afterAll(close);

  /** One delta in a commune of the 2025 tree and the province, as one consumed batch. */
  const counted = (commune: string, metric: MetricId, delta: number, day = '2026-06-12') =>
    inTransaction(pool, (tx) =>
      recordBatch(
        tx,
        [
          {
            units: ['66', commune],
            metric,
            day,
            delta,
            sourceEventId: `event-${++batches}`,
            source: { kind: 'activity', id: `activity-${batches}` },
            recordedAt: new Date().toISOString(),
          },
        ],
        `test/${batches}`,
      ),
    );
  /** Residents helped on 12 June 2026. */
  const helped = (commune: string, kind: string, residents: number) =>
    counted(commune, `residents_helped.${kind}` as MetricId, residents);

  beforeAll(async () => {
    const url = await freshTestDatabase('kpi_publish_changes');
    await start(url);
    pool = plainPool(url);
    await pool.query(
      `INSERT INTO kpi_unit_trees (tree_version, effective_from) VALUES ('vn-2024', '2024-01-01'), ('vn-2025', '2025-07-01')`,
    );
    // 2024: province › district › communes; 2025: the same communes straight under the province,
    // with a third one beside them and a second province.
    await pool.query(
      `INSERT INTO kpi_units (tree_version, code, name, level, parent_code, origin, path) VALUES
         ('vn-2024', '66', 'Tỉnh Đắk Lắk', 1, NULL, 'official', '{66}'),
         ('vn-2024', '645', 'Huyện Krông Pắc', 2, '66', 'official', '{66,645}'),
         ('vn-2024', '24175', 'Xã Hòa Phú', 3, '645', 'official', '{66,645,24175}'),
         ('vn-2024', '24343', 'Xã Phú Lộc', 3, '645', 'official', '{66,645,24343}'),
         ('vn-2025', '66', 'Tỉnh Đắk Lắk', 1, NULL, 'official', '{66}'),
         ('vn-2025', '24175', 'Xã Hòa Phú', 2, '66', 'official', '{66,24175}'),
         ('vn-2025', '24343', 'Xã Phú Lộc', 2, '66', 'official', '{66,24343}'),
         ('vn-2025', '24400', 'Xã Ea Tu', 2, '66', 'official', '{66,24400}'),
         ('vn-2025', '67', 'Tỉnh Đắk Nông', 1, NULL, 'official', '{67}'),
         ('vn-2025', '24500', 'Xã Quảng Sơn', 2, '67', 'official', '{67,24500}')`,
    );
  });

  it('reads each touched unit’s siblings in the tree in force on the period’s last day, once each', async () => {
    const siblings = await inTransaction(pool, (tx) =>
      siblingsByDay(tx, [
        { unit: '24175', lastDay: '2024-12-31' },
        { unit: '24343', lastDay: '2024-12-31' },
        { unit: '24175', lastDay: '2026-06-30' },
        { unit: '24343', lastDay: '2026-06-30' },
        { unit: '24175', lastDay: '2026-06-30' },
        { unit: '24500', lastDay: '2026-06-30' },
        { unit: '66', lastDay: '2026-06-30' },
      ]),
    );
    expect(Object.fromEntries(siblings)).toEqual({
      '2024-12-31': [
        { lastDay: '2024-12-31', code: '24175', parentCode: '645' },
        { lastDay: '2024-12-31', code: '24343', parentCode: '645' },
      ],
      // A province has no parent, so nothing to be ranked among.
      '2026-06-30': [
        { lastDay: '2026-06-30', code: '24175', parentCode: '66' },
        { lastDay: '2026-06-30', code: '24343', parentCode: '66' },
        { lastDay: '2026-06-30', code: '24400', parentCode: '66' },
        { lastDay: '2026-06-30', code: '24500', parentCode: '67' },
      ],
    });
  });

  it('publishes the kind’s indicators only, for the commune, its siblings and the province', async () => {
    const after = await lastOutboxId(pool);
    await helped('24175', 'heritage_qr', 5);
    const published = await publishedSince(pool, after);
    expect(new Set(published.map((p) => p.indicatorId))).toEqual(new Set(['residents_helped.heritage_qr']));
    expect(published.filter((p) => p.period === '2026-06').map((p) => [p.unitCode, p.value, p.rank])).toEqual(
      expect.arrayContaining([
        ['24175', 5, 1],
        ['66', 5, null],
      ]),
    );
  });

  it('publishes a sibling whose rank a neighbour’s value moved, though nothing of its own changed', async () => {
    const after = await lastOutboxId(pool);
    await helped('24343', 'heritage_qr', 9);
    const june = (await publishedSince(pool, after)).filter((p) => p.period === '2026-06');
    expect(june.map((p) => [p.unitCode, p.indicatorId, p.value, p.rank])).toEqual(
      expect.arrayContaining([
        ['24343', 'residents_helped.heritage_qr', 9, 1],
        ['24175', 'residents_helped.heritage_qr', 5, 2],
        ['66', 'residents_helped.heritage_qr', 14, null],
      ]),
    );
    expect(june.every((p) => p.indicatorId === 'residents_helped.heritage_qr')).toBe(true);
  });

  it('publishes the indicator measured against a target beside the kind’s count', async () => {
    const after = await lastOutboxId(pool);
    await helped('24400', 'vneid_activation', 3);
    const ids = new Set((await publishedSince(pool, after)).map((p) => p.indicatorId));
    expect(ids).toEqual(new Set(['residents_helped.vneid_activation', 'vneid_vs_target']));
  });

  it('publishes a stock changed late again in the later periods already published, and only its indicators', async () => {
    await counted('24175', 'active_teams', 2, '2026-06-01');
    await counted('24175', 'active_members', 10, '2026-06-01');
    // 20 June has values (residents helped) before a team registered on the 15th is recorded.
    await counted('24175', 'residents_helped.heritage_qr', 1, '2026-06-20');
    const after = await lastOutboxId(pool);
    await counted('24175', 'active_teams', 1, '2026-06-15');
    const published = await publishedSince(pool, after);
    const perTeam = published.filter(
      (p) => p.unitCode === '24175' && p.indicatorId === 'active_members_per_team',
    );
    // Its own day, month, quarter and year, and the later day published before it; not the 12th.
    expect(perTeam.map((p) => p.period).sort()).toEqual([
      '2026',
      '2026-06',
      '2026-06-15',
      '2026-06-20',
      '2026-Q2',
    ]);
    expect(perTeam.find((p) => p.period === '2026-06-20')).toMatchObject({ value: 3.3 });
    expect(new Set(published.map((p) => p.indicatorId))).toEqual(new Set(['active_members_per_team']));
  });

  it('publishes nothing for a metric no indicator reads', async () => {
    const after = await lastOutboxId(pool);
    await inTransaction(pool, (tx) =>
      recordBatch(
        tx,
        [
          {
            units: ['66', '24175'],
            metric: 'activities.heritage_qr',
            day: '2026-06-12',
            delta: 1,
            sourceEventId: 'event-activities',
            source: { kind: 'activity', id: 'activity-activities' },
            recordedAt: new Date().toISOString(),
          },
        ],
        'test/activities',
      ),
    );
    expect(await publishedSince(pool, after)).toEqual([]);
  });
});
