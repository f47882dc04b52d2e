// One statement defines what a figure is (figures.queries.ts): flows per period (a year to date's
// summed from its cells), stocks summed to each period's last day, the nearest targets below a unit, the latest statistic as of each
// period's end. The views read a period at a time, publishing reads a batch's periods together:
// both are checked here against figures worked out by hand, and the stock branch against the
// partial index it is written to use.
import { afterAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { freshTestDatabase, migrationHarness } from '@nhip/testing';
import { indicatorCatalog } from '../indicators/catalog.ts';
import { parsePeriod, periodsOfDay, type Period } from '../periods/period.ts';
import { kpiDataSource } from '../schema/kpi-data-source.ts';
import {
  figuresSql,
  loadFigures,
  loadFiguresByPeriod,
  inputsOf,
  type FigureRow,
  type Figures,
} from './figures.queries.ts';

const flow = 'residents_helped.vneid_activation';
const stock = 'active_teams';
const units = ['66', '24175', '24175001', '24343'];
const days = [
  ['2025-11-30', 3],
  ['2025-12-15', 5],
  ['2025-12-31', 7],
  ['2026-01-02', 11],
] as const;

const sorted = (rows: readonly FigureRow[]) =>
  [...rows].sort((a, b) => `${a.unit}/${a.id}`.localeCompare(`${b.unit}/${b.id}`));
const normal = (f: Figures | undefined) => ({
  metrics: sorted(f?.metrics ?? []),
  targets: sorted(f?.targets ?? []),
  statistics: sorted(f?.statistics ?? []),
});
const rows = (id: string, values: Record<string, number>) =>
  Object.entries(values).map(([unit, value]) => ({ unit, id, value }));

// Unit i (of 66, 24175, 24175001) counts n × (i + 1) of the flow in every period of a day, and
// n − i of the stock on the day itself.
const expected: Record<string, Figures> = {
  '2025-12-15': {
    metrics: [
      ...rows(flow, { '66': 5, '24175': 10, '24175001': 15 }),
      ...rows(stock, { '66': 8, '24175': 6, '24175001': 4 }),
    ],
    targets: [],
    statistics: rows('population_15_plus', { '24175': 1000 }),
  },
  '2025-12': {
    metrics: [
      ...rows(flow, { '66': 12, '24175': 24, '24175001': 36 }),
      ...rows(stock, { '66': 15, '24175': 12, '24175001': 9 }),
    ],
    targets: rows(flow, { '66': 40, '24175': 40 }),
    statistics: rows('population_15_plus', { '24175': 1200 }),
  },
  '2025-Q4': {
    metrics: [
      ...rows(flow, { '66': 15, '24175': 30, '24175001': 45 }),
      ...rows(stock, { '66': 15, '24175': 12, '24175001': 9 }),
    ],
    targets: [],
    statistics: rows('population_15_plus', { '24175': 1200 }),
  },
  '2025': {
    metrics: [
      ...rows(flow, { '66': 15, '24175': 30, '24175001': 45 }),
      ...rows(stock, { '66': 15, '24175': 12, '24175001': 9 }),
    ],
    targets: rows(flow, { '66': 900, '24175': 300, '24343': 200 }),
    statistics: rows('population_15_plus', { '24175': 1200 }),
  },
};
// Years to date: the flow summed from quarters, months and days (2025-to-12-15 reads Q1–Q3, October,
// November and 1–15 December), the stock at its end, the targets assigned for the year.
expected['2025-to-12-15'] = {
  metrics: [
    ...rows(flow, { '66': 8, '24175': 16, '24175001': 24 }),
    ...rows(stock, { '66': 8, '24175': 6, '24175001': 4 }),
  ],
  targets: rows(flow, { '66': 900, '24175': 300, '24343': 200 }),
  statistics: rows('population_15_plus', { '24175': 1000 }),
};
expected['2025-to-11'] = {
  metrics: [
    ...rows(flow, { '66': 3, '24175': 6, '24175001': 9 }),
    ...rows(stock, { '66': 3, '24175': 2, '24175001': 1 }),
  ],
  targets: rows(flow, { '66': 900, '24175': 300, '24343': 200 }),
  statistics: rows('population_15_plus', { '24175': 1000 }),
};
const in2026: Figures = {
  metrics: [
    ...rows(flow, { '66': 11, '24175': 22, '24175001': 33 }),
    ...rows(stock, { '66': 26, '24175': 22, '24175001': 18 }),
  ],
  targets: [],
  statistics: rows('population_15_plus', { '24175': 1200, '24343': 800 }),
};
for (const key of [...periodsOfDay('2026-01-02'), '2026-to-01-02', '2026-to-Q1']) expected[key] = in2026;

async function seed(pool: pg.Pool) {
  const cells: [string, string, string, number][] = [];
  for (const [day, n] of days) {
    for (const [i, unit] of ['66', '24175', '24175001'].entries()) {
      for (const period of periodsOfDay(day)) cells.push([unit, flow, period, n * (i + 1)]);
      // As the live path and the rebuild write them: a stock's delta counts in every period too.
      for (const period of periodsOfDay(day)) cells.push([unit, stock, period, n - i]);
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
       ('24175', 'population_15_plus', '2025-01-01', 1000, 'test', now()),
       ('24175', 'population_15_plus', '2025-12-20', 1200, 'test', now()),
       ('24343', 'population_15_plus', '2026-01-01', 800, 'test', now())`,
  );
}

describe('figures of one or several periods, one statement (real PostgreSQL)', () => {
  const { start, plainPool, close } = migrationHarness(kpiDataSource);
  afterAll(close);

  it('gives each period its figures, read alone or with the others', async () => {
    const url = await freshTestDatabase('kpi_figures_by_period');
    await start(url);
    const pool = plainPool(url);
    await seed(pool);
    const periods = Object.keys(expected).map((key) => parsePeriod(key) as Period);
    const client = await pool.connect();
    try {
      const together = await loadFiguresByPeriod(client, units, periods);
      for (const period of periods) {
        expect([period.key, normal(together.get(period.key))]).toEqual([
          period.key,
          normal(expected[period.key]),
        ]);
        expect(normal(await loadFigures(pool, units, period))).toEqual(normal(expected[period.key]));
      }
      // The stock branches read the partial indexes kept in (unit, metric, period) order, not every cell.
      await client.query('SET enable_seqscan = off');
      const { rows: plan } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN ${figuresSql({ units: '$1', keys: '$2', firstDays: '$3', lastDays: '$4', flow: '$5', stock: '$6', at: 'NULL', targets: '$7', statistics: '$8', cells: '$9', targetPeriods: '$10' })}`,
        [
          units,
          ['2025'],
          ['2025-01-01'],
          ['2025-12-31'],
          [flow],
          [stock],
          [flow],
          ['population_15_plus'],
          ['2025'],
          ['2025'],
        ],
      );
      const text = plan.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Scan using kpi_rollups_stock_days/);
      expect(text).toMatch(/Scan using kpi_rollups_stock_spans/);
      expect(text).toMatch(/Scan using kpi_rollups_pkey/);
    } finally {
      client.release();
    }
  });

  it('reads only the figures of the indicators asked, as the whole read has them, now and as known', async () => {
    const url = await freshTestDatabase('kpi_figures_asked');
    await start(url);
    const pool = plainPool(url);
    await seed(pool);
    // The ledger the knownAt read sums: the same flow and stock, on one day, for 66 and 24175.
    await pool.query(
      `INSERT INTO kpi_deltas (units, metric, day, delta, source_event_id, recorded_at) VALUES
         ('{66,24175}', $1, '2025-12-15', 5, 'e1', now() - interval '1 hour'),
         ('{66,24175}', $2, '2025-12-15', 2, 'e1', now() - interval '1 hour')`,
      [flow, stock],
    );
    const periods = Object.keys(expected).map((key) => parsePeriod(key) as Period);
    const asked = indicatorCatalog.filter((d) => inputsOf([d]).flow.includes(flow));
    expect(asked.length).toBeGreaterThan(0);
    const inputs = inputsOf(asked);
    const read = new Set([...inputs.flow, ...inputs.stock, ...inputs.targets, ...inputs.statistics]);
    // The asked indicators count the flow and measure it against its target; none reads the stock
    // or the statistic, which the whole read has.
    expect([read.has(flow), read.has(stock), inputs.targets, inputs.statistics]).toEqual([
      true,
      false,
      [flow],
      [],
    ]);
    for (const knownAt of [undefined, new Date().toISOString()]) {
      const whole = await loadFiguresByPeriod(pool, units, periods, { knownAt });
      const some = await loadFiguresByPeriod(pool, units, periods, { knownAt, catalog: asked });
      let [keptRows, leftRows] = [0, 0];
      for (const period of periods) {
        const all = normal(whole.get(period.key));
        const only = (rows: readonly FigureRow[]) => rows.filter((r) => read.has(r.id));
        const kept = {
          metrics: only(all.metrics),
          targets: only(all.targets),
          statistics: only(all.statistics),
        };
        const count = (f: typeof all) => f.metrics.length + f.targets.length + f.statistics.length;
        keptRows += count(kept);
        leftRows += count(all) - count(kept);
        expect([period.key, normal(some.get(period.key))]).toEqual([period.key, kept]);
      }
      // Both reads had rows of what was asked and of what was left out.
      expect([knownAt === undefined, keptRows > 0, leftRows > 0]).toEqual([
        knownAt === undefined,
        true,
        true,
      ]);
    }
  });
});
