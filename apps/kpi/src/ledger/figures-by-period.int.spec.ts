// Publishing reads the figures of all a batch's periods in one statement (batch-figures.queries.ts);
// the views read them a period at a time (figures.queries.ts). Both must give the same figures:
// flows per period, stocks summed to each period's last day, the nearest targets below a unit,
// and the latest statistic as of each period's end.
import { afterAll, describe, expect, it } from '@jest/globals';
import { freshTestDatabase, migrationHarness } from '@nhip/testing';
import { loadFigures, type FigureRow, type Figures } from '../figures/figures.queries.ts';
import { parsePeriod, periodsOfDay, type Period } from '../periods/period.ts';
import { kpiDataSource } from '../schema/kpi-data-source.ts';
import { loadFiguresByPeriod } from './batch-figures.queries.ts';

const flow = 'residents_helped.vneid_activation';
const stock = 'active_teams';
const units = ['66', '24175', '24175001', '24343'];

const sorted = (rows: readonly FigureRow[]) =>
  [...rows].sort((a, b) => `${a.unit}/${a.id}`.localeCompare(`${b.unit}/${b.id}`));
const normal = (f: Figures) => ({
  metrics: sorted(f.metrics),
  targets: sorted(f.targets),
  statistics: sorted(f.statistics),
});

describe('figures of several periods in one read (real PostgreSQL)', () => {
  const { start, plainPool, close } = migrationHarness(kpiDataSource);
  afterAll(close);

  it('gives each period the figures loadFigures gives it alone', async () => {
    const url = await freshTestDatabase('kpi_figures_by_period');
    await start(url);
    const pool = plainPool(url);
    const cells: [string, string, string, number][] = [];
    for (const [day, n] of [
      ['2025-11-30', 3],
      ['2025-12-15', 5],
      ['2025-12-31', 7],
      ['2026-01-02', 11],
    ] as const) {
      for (const [i, unit] of ['66', '24175', '24175001'].entries()) {
        for (const period of periodsOfDay(day)) cells.push([unit, flow, period, n * (i + 1)]);
        cells.push([unit, stock, day, n - i]);
      }
    }
    await pool.query(
      `INSERT INTO kpi_rollups (unit_code, metric, period, period_kind, value)
       SELECT u, m, p, CASE WHEN p ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN 'day' WHEN p ~ 'Q' THEN 'quarter'
                            WHEN p ~ '-' THEN 'month' ELSE 'year' END, sum(v)
         FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS c(u, m, p, v) GROUP BY u, m, p`,
      [cells.map((c) => c[0]), cells.map((c) => c[1]), cells.map((c) => c[2]), cells.map((c) => c[3])],
    );
    await pool.query(
      `INSERT INTO kpi_targets (unit_code, metric, period, unit_path, value, assigned_by, assigned_at) VALUES
         ('66', $1, '2025', '{66}', 900, 'test', now()),
         ('24175', $1, '2025', '{66,24175}', 300, 'test', now()),
         ('24343', $1, '2025', '{66,24343}', 200, 'test', now()),
         ('24175', $1, '2025-12', '{66,24175}', 40, 'test', now())`,
      [flow],
    );
    await pool.query(
      `INSERT INTO kpi_statistics (unit_code, statistic, as_of, value, source, recorded_at) VALUES
         ('24175', 'residents', '2025-01-01', 1000, 'test', now()),
         ('24175', 'residents', '2025-12-20', 1200, 'test', now()),
         ('24343', 'residents', '2026-01-01', 800, 'test', now())`,
    );
    const periods = [...periodsOfDay('2025-12-15'), ...periodsOfDay('2026-01-02')].map(
      (key) => parsePeriod(key) as Period,
    );
    const client = await pool.connect();
    try {
      const together = await loadFiguresByPeriod(client, units, periods);
      for (const period of periods) {
        const alone = await loadFigures(pool, units, period);
        expect(alone.metrics.length).toBeGreaterThan(0);
        expect(normal(together.get(period.key) as Figures)).toEqual(normal(alone));
      }
      // The fixture reaches every branch: a nearest target below the province, a statistic as of.
      expect((await loadFigures(pool, ['66'], parsePeriod('2025') as Period)).targets).toEqual([
        { unit: '66', id: flow, value: 900 },
      ]);
      expect(together.get('2025-12-15')?.statistics).toEqual([
        { unit: '24175', id: 'residents', value: 1000 },
      ]);
    } finally {
      client.release();
    }
  });
});
