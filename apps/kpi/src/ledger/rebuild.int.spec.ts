// The rebuild on real PostgreSQL (ADR 0038): from a ledger the live path recorded, it switches in
// a table equal to the live one, keeps the live table's key and indexes whatever they are, and
// refuses to switch when any one live cell differs (changed, missing or extra), naming that cell.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { inTransaction } from '@nhip/event-sourcing';
import { freshTestDatabase, migrationHarness } from '@nhip/testing';
import type pg from 'pg';
import type { MetricDelta } from '../metrics/metric-delta.ts';
import { kpiDataSource } from '../schema/kpi-data-source.ts';
import { recordDeltas } from './ledger.table.ts';
import { rebuildRollups, type RebuildProgress } from './rebuild.ts';

const flow: MetricDelta['metric'] = 'residents_helped.vneid_activation';
const paths = [
  ['48', '490', '20194'],
  ['48', '491', '20227'],
  ['66', '24175'],
  ['79', '760', '26734'],
];

function deltas(): MetricDelta[] {
  const all: MetricDelta[] = [];
  for (let i = 0; i < 400; i++) {
    all.push({
      units: paths[i % paths.length] ?? [],
      metric: i % 3 === 0 ? 'active_members' : flow,
      day: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`,
      delta: (i % 5) - 1,
      sourceEventId: `e${i}`,
      source: { kind: 'activity', id: `a${i}` },
      recordedAt: '2025-12-31T00:00:00Z',
    });
  }
  // A day cell the live consumer takes to 0 over two batches: a row of 0, which the rebuild leaves out.
  const zero: Omit<MetricDelta, 'delta' | 'sourceEventId'> = {
    units: ['79', '760', '26734'],
    metric: flow,
    day: '2025-06-30',
    source: { kind: 'activity', id: 'z' },
    recordedAt: '2025-12-31T00:00:00Z',
  };
  return [...all, { ...zero, delta: 2, sourceEventId: 'z1' }, { ...zero, delta: -2, sourceEventId: 'z2' }];
}

const cellsOf = async (pool: pg.Pool) =>
  (
    await pool.query<{ r: string }>(
      `SELECT unit_code || '|' || metric || '|' || period || '|' || period_kind || '|' || value AS r
         FROM kpi_rollups WHERE value <> 0 ORDER BY 1`,
    )
  ).rows.map((row) => row.r);

const indexesOf = async (pool: pg.Pool) =>
  (
    await pool.query<{ d: string }>(
      `SELECT pg_get_indexdef(indexrelid) AS d FROM pg_index WHERE indrelid = 'kpi_rollups'::regclass ORDER BY 1`,
    )
  ).rows.map((row) => row.d);

describe('the rebuild from the ledger (real PostgreSQL)', () => {
  const { start, plainPool, close } = migrationHarness(kpiDataSource);
  let pool: pg.Pool;
  afterAll(close);

  beforeAll(async () => {
    const url = await freshTestDatabase('kpi_rebuild');
    await start(url);
    pool = plainPool(url);
    const all = deltas();
    // Several batches, as the consumer records them: cells that net to 0 stay as rows.
    const batches = [
      ...Array.from({ length: 8 }, (_b, n) => all.slice(n * 50, n * 50 + 50)),
      [all[400]],
      [all[401]],
    ];
    for (const batch of batches) await inTransaction(pool, (tx) => recordDeltas(tx, batch as MetricDelta[]));
  });

  it('switches in cells equal to the live ones, under the live key and indexes', async () => {
    // A key in another column order and one more index, as a later read model might make them.
    await pool.query(`ALTER TABLE kpi_rollups DROP CONSTRAINT kpi_rollups_pkey,
                        ADD CONSTRAINT kpi_rollups_pkey PRIMARY KEY (unit_code, period, metric)`);
    // Named as TypeORM names its own (upper case, so quoted): remade and renamed under that name.
    await pool.query('CREATE INDEX "IDX_Kpi_Rollups_By_Period" ON kpi_rollups (period, unit_code)');
    const [cells, indexes] = [await cellsOf(pool), await indexesOf(pool)];
    // Rows of 0 the live consumer kept (the day the fixture takes to 0 in three units, and others).
    const zeros = await pool.query(`SELECT 1 FROM kpi_rollups WHERE value = 0`);
    expect(zeros.rowCount).toBeGreaterThanOrEqual(3);
    const told: RebuildProgress[] = [];
    const outcome = await rebuildRollups(pool, (progress) => told.push(progress));
    expect(outcome).toMatchObject({ deltas: 402, cells: cells.length, partitions: 3, switched: true });
    // Each step told as it was done, in order, with the figures the outcome reports (times apart).
    expect(told.map((p) => ({ ...p, ms: undefined }))).toEqual([
      { step: 'read', deltas: 402, partitions: 3 },
      { step: 'fold', done: 1, of: 3 },
      { step: 'fold', done: 2, of: 3 },
      { step: 'fold', done: 3, of: 3 },
      { step: 'written', cells: cells.length },
      { step: 'keyed' },
      { step: 'analyzed' },
      { step: 'checked', equal: true },
      { step: 'switched' },
    ]);
    const times = told.map((p) => p.ms);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.at(-1)).toBeLessThanOrEqual(outcome.millis.total);
    expect(await cellsOf(pool)).toEqual(cells);
    expect(await indexesOf(pool)).toEqual(indexes);
    expect(outcome.memory.peakRss).toBeGreaterThan(0);
    // Switched in with the planner's statistics, not waiting for autovacuum.
    const analyzed = await pool.query<{ columns: number }>(
      `SELECT count(*)::int AS columns FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'kpi_rollups'`,
    );
    expect(analyzed.rows[0]?.columns).toBe(5);
  });

  // The cells are chosen from the live table: the first non-zero one, and one no delta made.
  const one = `(unit_code, metric, period) = (SELECT unit_code, metric, period FROM kpi_rollups WHERE value <> 0
                                              ORDER BY unit_code, metric, period LIMIT 1)`;
  it.each([
    ['a changed value', `UPDATE kpi_rollups SET value = value + 1 WHERE ${one}`],
    ['a missing cell', `DELETE FROM kpi_rollups WHERE ${one}`],
    ['an extra cell', `INSERT INTO kpi_rollups VALUES ('20194', '${flow}', '2030-Q1', 'quarter', 1)`],
  ])('refuses to switch when one live cell differs: %s', async (_case, corrupt) => {
    await pool.query('CREATE TABLE saved AS SELECT * FROM kpi_rollups');
    try {
      expect(await pool.query(corrupt)).toHaveProperty('rowCount', 1);
      const corrupted = await cellsOf(pool);
      const told: RebuildProgress[] = [];
      const outcome = await rebuildRollups(pool, (progress) => told.push(progress));
      expect(outcome.switched).toBe(false);
      expect(told.slice(-2).map((p) => (p.step === 'checked' ? [p.step, p.equal] : [p.step]))).toEqual([
        ['checked', false],
        ['kept'],
      ]);
      expect(outcome.mismatches).toHaveLength(1);
      expect(outcome.mismatches[0]?.unit).toBe('20194');
      expect(await cellsOf(pool)).toEqual(corrupted);
    } finally {
      await pool.query('TRUNCATE kpi_rollups');
      await pool.query('INSERT INTO kpi_rollups SELECT * FROM saved');
      await pool.query('DROP TABLE saved');
    }
  });
});
