// A unit's target is its own, or else the sum of the nearest targets assigned below it (ADR 0056):
// checked against figures worked out by hand on a three-level tree, now and as known before a
// higher unit's target was assigned, after a target moved or was withdrawn; and, with targets
// assigned across a whole country, that the reads look candidates up in hashes, not pair by pair.
import { afterAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { freshTestDatabase, migrationHarness } from '@nhip/testing';
import { parsePeriod, type Period } from '../periods/period.ts';
import { kpiDataSource } from '../schema/kpi-data-source.ts';
import { drillDownSql } from './drill-down.queries.ts';
import { currentSql, loadFiguresByPeriod } from './figures.queries.ts';
import { targetSources } from './sources.queries.ts';

const vneid = 'residents_helped.vneid_activation';
const accounts = 'residents_helped.public_service_account';
const year = parsePeriod('2026') as Period;
const month = parsePeriod('2026-03') as Period;
const before = '2026-02-01T00:00:00.000Z';
const between = '2026-02-15T00:00:00.000Z';

// Province 66: commune A has its own target and two villages with theirs; commune B has none, its
// villages have; commune C and its village have none. Province 48 elsewhere has its own.
const targets: [code: string, path: string[], metric: string, period: string, value: number, at: string][] = [
  ['A', ['66', 'A'], vneid, '2026', 100, '2026-03-01T00:00:00.000Z'],
  ['A1', ['66', 'A', 'A1'], vneid, '2026', 30, before],
  ['A2', ['66', 'A', 'A2'], vneid, '2026', 40, before],
  ['B1', ['66', 'B', 'B1'], vneid, '2026', 10, before],
  ['B2', ['66', 'B', 'B2'], vneid, '2026', 20, before],
  ['B2', ['66', 'B', 'B2'], accounts, '2026', 7, before],
  ['A1', ['66', 'A', 'A1'], vneid, '2026-03', 3, before],
  ['48', ['48'], vneid, '2026', 5000, before],
];
const units = ['66', 'A', 'B', 'C', 'C1', 'A1', '48'];

async function seed(pool: pg.Pool) {
  for (const [code, path, metric, period, value, at] of targets)
    await pool.query(
      `INSERT INTO kpi_targets (unit_code, metric, period, unit_path, value, assigned_by, assigned_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [code, metric, period, path, value, path.at(-2) ?? 'VN', at],
    );
}

async function targetsRead(pool: Parameters<typeof loadFiguresByPeriod>[0], knownAt?: string) {
  const figures = await loadFiguresByPeriod(pool, units, [year, month], { knownAt });
  const of = (p: Period) =>
    Object.fromEntries((figures.get(p.key)?.targets ?? []).map((t) => [`${t.unit} ${t.id}`, t.value]));
  return { year: of(year), month: of(month) };
}

describe('a unit’s target: its own or the nearest below it (real PostgreSQL)', () => {
  const { start, plainPool, close } = migrationHarness(kpiDataSource);
  afterAll(close);
  /** A fresh database, migrated as the service does, holding the targets above. */
  const seeded = async (purpose: string) => {
    const url = await freshTestDatabase(purpose);
    await start(url);
    const pool = plainPool(url);
    await seed(pool);
    return pool;
  };

  it('sums the nearest targets below a unit that has none, now and as known before', async () => {
    const pool = await seeded('kpi_nearest_targets');
    expect(await targetsRead(pool)).toEqual({
      year: {
        // A's own 100 stands for its villages' 30 + 40; B has none, its villages' 10 + 20.
        '66 residents_helped.vneid_activation': 130,
        '66 residents_helped.public_service_account': 7,
        'A residents_helped.vneid_activation': 100,
        'A1 residents_helped.vneid_activation': 30,
        'B residents_helped.vneid_activation': 30,
        'B residents_helped.public_service_account': 7,
        '48 residents_helped.vneid_activation': 5000,
      },
      month: {
        '66 residents_helped.vneid_activation': 3,
        'A residents_helped.vneid_activation': 3,
        'A1 residents_helped.vneid_activation': 3,
      },
    });
    // Before A's own target was assigned, its villages' stood for it.
    const earlier = await targetsRead(pool, between);
    expect([
      earlier.year['66 residents_helped.vneid_activation'],
      earlier.year['A residents_helped.vneid_activation'],
    ]).toEqual([100, 70]);
    expect(await targetsRead(pool, '2026-01-01T00:00:00.000Z')).toEqual({ year: {}, month: {} });
    // The explanation lists the same targets the figure sums.
    const listed = await targetSources(pool, {
      unit: '66',
      metric: vneid,
      period: year,
      treeVersion: 'none',
    });
    expect(listed.map((t) => [t.unitCode, t.value, t.assignedBy])).toEqual([
      ['A', 100, '66'],
      ['B1', 10, 'B'],
      ['B2', 20, 'B'],
    ]);
    const listedThen = await targetSources(pool, {
      unit: '66',
      metric: vneid,
      period: year,
      treeVersion: 'none',
      knownAt: between,
    });
    expect(listedThen.map((t) => t.unitCode)).toEqual(['A1', 'A2', 'B1', 'B2']);
  });

  it('follows a target that moves to another unit’s path, and one that is withdrawn', async () => {
    const pool = await seeded('kpi_nearest_targets_moved');
    // B1 is now a village of C (a boundary change written over the same row); A's own target goes.
    await pool.query(
      `UPDATE kpi_targets SET unit_path = '{66,C,B1}' WHERE unit_code = 'B1' AND metric = $1`,
      [vneid],
    );
    await pool.query(`DELETE FROM kpi_targets WHERE unit_code = 'A' AND metric = $1`, [vneid]);
    const { year: now } = await targetsRead(pool);
    expect([
      now['66 residents_helped.vneid_activation'],
      now['A residents_helped.vneid_activation'],
      now['B residents_helped.vneid_activation'],
      now['C residents_helped.vneid_activation'],
    ]).toEqual([30 + 40 + 20 + 10, 70, 20, 10]);
  });

  it('looks a unit’s candidate targets up in hashes, now and in the drill-down’s generic plan, when the whole country has targets', async () => {
    const pool = await seeded('kpi_nearest_targets_country');
    // 34 provinces × 100 communes × 2 metrics, as a year's assignment leaves them.
    await pool.query(
      `INSERT INTO kpi_targets (unit_code, metric, period, unit_path, value, assigned_by, assigned_at)
       SELECT 'p' || p || 'c' || c, m, '2026', ARRAY['p' || p, 'p' || p || 'c' || c], 100, 'p' || p, now()
         FROM generate_series(1, 34) p, generate_series(1, 100) c, unnest($1::text[]) m`,
      [[vneid, accounts]],
    );
    await pool.query('ANALYZE kpi_target_reach');
    expect((await targetsRead(pool)).year['66 residents_helped.vneid_activation']).toBe(130);
    // The statement the consumer and the views run, as they pass it its inputs.
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${currentSql}`, [
      units,
      [year.key],
      [year.firstDay],
      [year.lastDay],
      [vneid],
      [],
      null,
      [vneid],
      [],
      [year.key],
      [year.key],
    ]);
    // Candidates are looked up in hashes of themselves, built once: no join to misjudge. (Each
    // sub-plan is named once per column it compares.)
    const hashed = (plan: { 'QUERY PLAN': string }[]) =>
      new Set(
        plan
          .map((r) => r['QUERY PLAN'])
          .join('\n')
          .match(/hashed SubPlan \d+/g),
      ).size;
    expect(hashed(rows)).toBe(2);
    // And so in the drill-down's plan, kept generic once the statement has run five times.
    const client = await pool.connect();
    try {
      await client.query('SET plan_cache_mode = force_generic_plan');
      await client.query(
        `PREPARE drill_down(text, text, text, text, text[], text[], text[], text[], text, text) AS ${drillDownSql}`,
      );
      const { rows: generic } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN EXECUTE drill_down('66', '2026', '2026-01-01', '2026-12-31', '{}', '{}', '{${vneid}}', '{}', '2026', '2026')`,
      );
      expect(hashed(generic)).toBe(2);
    } finally {
      client.release();
    }
  });
});
