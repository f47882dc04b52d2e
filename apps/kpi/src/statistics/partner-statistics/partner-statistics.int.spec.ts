// A partner's batch on real PostgreSQL: every statistic in it is stored, then what they changed is
// published once, so a figure whose numerator and denominator arrive in one batch goes out once,
// whole, instead of once with half of it and again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StatisticReportedV1 } from '@nhip/contracts';
import { inTransaction, type IncomingEvent } from '@nhip/event-sourcing';
import { freshTestDatabase, migrationHarness } from '@nhip/testing';
import type pg from 'pg';
import { communesOfDakLak2025 } from '../../fixtures/communes-2025.ts';
import { kpiDataSource } from '../../schema/kpi-data-source.ts';
import { takeStatistics } from './partner-statistics.routes.ts';

const asOf = '2026-06-30';

function statistic(n: number, unitCode: string, statistic: string, value: number): IncomingEvent {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: StatisticReportedV1.type,
    source: '/partner/test',
    subject: undefined,
    time: undefined,
    traceparent: undefined,
    data: { unitCode, statistic, value, asOf, source: 'Cục Thống kê (test)' },
    message: {} as IncomingEvent['message'],
  };
}

interface Published {
  unitCode: string;
  indicatorId: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  revision: string;
}

describe('statistics from partners, a batch at a time (real PostgreSQL)', () => {
  const { start, plainPool, close } = migrationHarness(kpiDataSource);
  let pool: pg.Pool;
  afterAll(close);

  beforeAll(async () => {
    const url = await freshTestDatabase('kpi_partner_statistics');
    await start(url);
    pool = plainPool(url);
    await communesOfDakLak2025(pool, [
      ['24175', 'Xã Hòa Phú'],
      ['24181', 'Xã Hòa Xuân'],
    ]);
  });

  it('publishes each changed value once for the batch, with both of its figures', async () => {
    const batch = [
      statistic(1, '24175', 'population_15_plus', 2_000),
      statistic(2, '24181', 'population_15_plus', 3_000),
      statistic(3, '24175', 'residents_with_e_payment_account', 1_570),
      statistic(4, '24181', 'residents_with_e_payment_account', 2_400),
    ];
    await inTransaction(pool, (tx) => takeStatistics(batch, tx));

    const { rows } = await pool.query<{ data: Published }>(
      `SELECT data FROM es_outbox WHERE type = 'vn.nhip.kpi.indicator.changed.v1' ORDER BY id`,
    );
    const published = rows.map((r) => r.data);
    const keys = published.map((d) => `${d.unitCode}|${d.indicatorId}|${d.period}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(published.map((d) => d.revision)).size).toBe(1);
    const ePayment = published.filter((d) => d.indicatorId === 'e_payment_15_plus');
    // Both communes, in each period holding 30 June 2026: the day, June, the second quarter, 2026.
    expect(ePayment.map((d) => `${d.unitCode}|${d.period}`).sort()).toEqual(
      ['24175', '24181'].flatMap((u) => ['2026', '2026-06', '2026-06-30', '2026-Q2'].map((p) => `${u}|${p}`)),
    );
    expect(ePayment.find((d) => d.unitCode === '24175')).toMatchObject({
      numerator: 1_570,
      denominator: 2_000,
    });
    expect(ePayment.find((d) => d.unitCode === '24181')).toMatchObject({
      numerator: 2_400,
      denominator: 3_000,
    });
  });
});
