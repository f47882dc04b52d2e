// A statistic counts for every period whose last day is on or after its date, until the next one of
// its kind: a period's figure takes the latest reported by its last day. Statistics are reported
// late (an office publishes June's population in October), so values already published for the
// months after the statistic's date must be published again, or the projection and the partners keep
// the old figure for them (real PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { inTransaction } from '@nhip/event-sourcing';
import { freshTestDatabase, migrationHarness } from '@nhip/testing';
import type pg from 'pg';
import { communesOfDakLak2025 } from '../../fixtures/communes-2025.ts';
import { indicatorCatalog } from '../../indicators/catalog.ts';
import { ledgerPosition, publishChanges } from '../../ledger/publish-changes.ts';
import {
  lastOutboxId as lastOutboxIdOf,
  publishedSince as publishedValuesSince,
} from '../../fixtures/published-values.ts';
import { kpiDataSource } from '../../schema/kpi-data-source.ts';
import { recordStatistic } from './report-statistic.handler.ts';

interface Published {
  period: string;
  numerator: number | null;
  denominator: number | null;
}

const commune = '24175';
const source = 'Cục Thống kê (test)';

describe('a statistic reported after the periods it reaches were published (real PostgreSQL)', () => {
  const { start, plainPool, close } = migrationHarness(kpiDataSource);
  let pool: pg.Pool;
  afterAll(close);

  const record = (statistic: string, asOf: string, value: number, n: number) =>
    inTransaction(pool, (tx) =>
      recordStatistic(tx, { unitCode: commune, statistic, value, asOf, source }, `test/${n}`),
    );

  /** An indicator's values published since `after`, by period: the e-payment share unless named. */
  async function publishedSince(
    after: number,
    indicator = 'e_payment_15_plus',
  ): Promise<Map<string, Published>> {
    const values = (await publishedValuesSince(pool, after)).filter((d) => d.indicatorId === indicator);
    return new Map(values.map((d) => [d.period, d]));
  }

  const lastOutboxId = () => lastOutboxIdOf(pool);

  beforeAll(async () => {
    const url = await freshTestDatabase('kpi_statistic_reach');
    await start(url);
    pool = plainPool(url);
    await communesOfDakLak2025(pool, [[commune, 'Xã Hòa Phú']]);
    await record('residents_with_e_payment_account', '2026-03-31', 1_500, 1);
    await record('population_15_plus', '2026-03-31', 2_000, 2);
    await record('population_15_plus', '2026-07-31', 3_000, 3);
    // June, August and the third quarter published, every indicator of them (the e-payment share
    // among them), as values published before the statistic below arrives.
    const touched = ['2026-06', '2026-06-12', '2026-08', '2026-Q3'].map((period) => ({
      unitCode: commune,
      period,
      indicators: indicatorCatalog,
    }));
    await inTransaction(pool, async (tx) =>
      publishChanges(tx, touched, await ledgerPosition(tx), 'test/activity'),
    );
  });

  it('publishes again the values it changes after its own day, and only those', async () => {
    const before = await publishedSince(0);
    expect(before.get('2026-06')).toMatchObject({ numerator: 1_500, denominator: 2_000 });
    expect(before.get('2026-08')).toMatchObject({ numerator: 1_500, denominator: 3_000 });
    const after = await lastOutboxId();

    await record('population_15_plus', '2026-05-15', 2_500, 4);

    const published = await publishedSince(after);
    // Its own day, month and quarter as before; June and 12 June, published earlier with 2,000,
    // now take 2,500. August, the third quarter and the year take 31 July's 3,000: unchanged.
    expect([...published.keys()].sort()).toEqual([
      '2026-05',
      '2026-05-15',
      '2026-06',
      '2026-06-12',
      '2026-Q2',
    ]);
    for (const figures of published.values())
      expect(figures).toMatchObject({ numerator: 1_500, denominator: 2_500 });
  });

  it('reaches every later published period when no later statistic of its kind bounds it', async () => {
    // Its kind's: 31 July's population does not bound a count of e-payment accounts.
    const after = await lastOutboxId();
    await record('residents_with_e_payment_account', '2026-04-30', 1_800, 5);
    const published = await publishedSince(after);
    expect([...published.keys()].sort()).toEqual([
      '2026',
      '2026-04',
      '2026-04-30',
      '2026-05',
      '2026-05-15',
      '2026-06',
      '2026-06-12',
      '2026-07',
      '2026-07-31',
      '2026-08',
      '2026-Q2',
      '2026-Q3',
    ]);
    expect(published.get('2026-08')).toMatchObject({ numerator: 1_800, denominator: 3_000 });
  });

  it('reaches a period published for other indicators, where its own was never counted before', async () => {
    const after = await lastOutboxId();
    // No household figures until now: the digital-address share was published for no period.
    await record('households', '2026-01-31', 900, 6);
    const published = await publishedSince(after, 'digital_address_households');
    expect([...published.keys()].sort()).toEqual([
      '2026',
      '2026-01',
      '2026-01-31',
      '2026-03',
      '2026-03-31',
      '2026-04',
      '2026-04-30',
      '2026-05',
      '2026-05-15',
      '2026-06',
      '2026-06-12',
      '2026-07',
      '2026-07-31',
      '2026-08',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
    expect(published.get('2026-08')).toMatchObject({ numerator: null, denominator: 900 });
  });

  it('reaches a later year through its first day, month and quarter, which every year to date of it follows', async () => {
    const after = await lastOutboxId();
    // A population dated the last day of 2025 counts for 2026 until 31 March's. The first day of
    // 2026 was never published for this unit: a half year's screen of 2026 would have heard of it
    // through nothing but the year, whose target it does not move.
    await record('population_15_plus', '2025-12-31', 1_800, 7);
    const published = await publishedSince(after);
    expect(published.get('2026-01-01')).toMatchObject({ denominator: 1_800 });
    expect(published.get('2026-01')).toMatchObject({ denominator: 1_800 });
    // The first quarter ends on 31 March, whose population it takes.
    expect(published.has('2026-Q1')).toBe(false);
  });
});
