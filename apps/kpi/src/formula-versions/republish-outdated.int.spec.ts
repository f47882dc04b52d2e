// A value published with another formula version than the one in force is computed again and
// published with it, once, in slices that a shutdown may stop and the next start finishes
// (real PostgreSQL). A version older than the catalog's (0) stands for a formula this deploy changed.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { inTransaction } from '@nhip/event-sourcing';
import { eventually, freshTestDatabase, migrationHarness } from '@nhip/testing';
import type pg from 'pg';
import { communesOfDakLak2025 } from '../fixtures/communes-2025.ts';
import { lastOutboxId, publishedSince } from '../fixtures/published-values.ts';
import { indicatorCatalog } from '../indicators/catalog.ts';
import { recordBatch } from '../ledger/record-batch.ts';
import { kpiDataSource } from '../schema/kpi-data-source.ts';
import { KpiConfig } from '../config.ts';
import { KeepFormulaVersions } from './keep-formula-versions.ts';
import { forgetVersionsOutOfStep } from './versions-out-of-step.ts';
import { outdatedIndicators, republishOutdated } from './republish-outdated.ts';

const vneid = 'residents_helped.vneid_activation';

describe('values published with another formula version are published again (real PostgreSQL)', () => {
  const { start, plainPool, close } = migrationHarness(kpiDataSource);
  let pool: pg.Pool;
  afterAll(close);

  const helped = (commune: string, residents: number, n: number) =>
    inTransaction(pool, (tx) =>
      recordBatch(
        tx,
        [
          {
            units: ['66', commune],
            metric: vneid,
            day: '2026-06-12',
            delta: residents,
            sourceEventId: `event-${n}`,
            source: { kind: 'activity', id: `activity-${n}` },
            recordedAt: new Date().toISOString(),
          },
        ],
        `test/${n}`,
      ),
    );

  /** What is published for the indicator, as (unit, period) → [version, value]. */
  const publishedOf = async (indicator: string) => {
    const { rows } = await pool.query<{
      unit_code: string;
      period: string;
      version: number;
      figures: string;
    }>('SELECT unit_code, period, version, figures FROM kpi_published WHERE indicator_id = $1', [indicator]);
    return new Map(
      rows.map((r) => [
        `${r.unit_code}/${r.period}`,
        [r.version, (JSON.parse(r.figures) as { value: number | null }).value],
      ]),
    );
  };

  /** The deploy before this one: the indicator's values and its recorded version carry version 0. */
  const recordedWithVersionZero = async (indicator: string) => {
    const { rows } = await pool.query<{ unit_code: string; period: string; figures: string }>(
      'SELECT unit_code, period, figures FROM kpi_published WHERE indicator_id = $1',
      [indicator],
    );
    for (const row of rows) {
      // The figures as that deploy wrote them: the same text but for the version.
      const figures = JSON.stringify({ ...JSON.parse(row.figures), version: 0 });
      await pool.query(
        'UPDATE kpi_published SET version = 0, figures = $4 WHERE indicator_id = $1 AND unit_code = $2 AND period = $3',
        [indicator, row.unit_code, row.period, figures],
      );
    }
    await pool.query(
      `INSERT INTO kpi_published_versions (indicator_id, version) VALUES ($1, 0)
       ON CONFLICT (indicator_id) DO UPDATE SET version = 0, pending_pass = NULL`,
      [indicator],
    );
  };

  /**
   * An instance still on the previous catalog writes the value at the first key with version 0, with
   * the statement's out-of-step CTE as its publish carries it. (Its own catalog is not this process's:
   * publishChanges computes with the definitions in force.)
   */
  const publishedByAnOldInstance = async (indicator: string) => {
    const { rows } = await pool.query<{ key: string }>(
      `WITH ${forgetVersionsOutOfStep}
       UPDATE kpi_published SET version = 0, figures = replace(figures, '"version":1', '"version":0')
        WHERE indicator_id = $1 AND (unit_code, period) = (
         SELECT unit_code, period FROM kpi_published WHERE indicator_id = $1 ORDER BY unit_code, period LIMIT 1)
       RETURNING unit_code || '/' || period AS key`,
      [indicator, [indicator], [0]],
    );
    return rows[0]?.key;
  };

  beforeAll(async () => {
    const url = await freshTestDatabase('kpi_formula_versions');
    await start(url);
    pool = plainPool(url);
    await communesOfDakLak2025(pool, [
      ['24175', 'Xã Hòa Phú'],
      ['24343', 'Xã Phú Lộc'],
    ]);
    await helped('24175', 40, 1);
    await helped('24343', 25, 2);
  });

  it('records the versions in force on a first start, finding every value already on them', async () => {
    expect(await outdatedIndicators(pool)).toHaveLength(indicatorCatalog.length);
    const before = await lastOutboxId(pool);
    const outcome = await republishOutdated(pool);
    expect([outcome.scanned, outcome.published, outcome.done]).toEqual([0, 0, true]);
    expect(await publishedSince(pool, before)).toEqual([]);
    expect(await outdatedIndicators(pool)).toEqual([]);
    // A start with the catalog unchanged reads the small table and nothing else.
    expect(await republishOutdated(pool)).toEqual({
      indicators: [],
      scanned: 0,
      published: 0,
      done: true,
      settled: true,
    });
  });

  it('publishes each outdated value once with the version in force, its figures unchanged', async () => {
    await recordedWithVersionZero(vneid);
    const old = await publishedOf(vneid);
    // 3 units × day, month, quarter, year, and the two year-to-date keys the batch reached.
    expect(old.size).toBeGreaterThanOrEqual(12);
    expect(await outdatedIndicators(pool)).toEqual([{ id: vneid, from: 0, to: 1 }]);
    const before = await lastOutboxId(pool);
    const progress: number[] = [];
    const outcome = await republishOutdated(pool, {
      sliceSize: 3,
      onProgress: (p) => {
        progress.push(p.scanned);
      },
    });
    const sent = await publishedSince(pool, before);
    expect(sent.map((d) => `${d.unitCode}/${d.period}`).toSorted()).toEqual([...old.keys()].toSorted());
    expect(new Set(sent.map((d) => `${d.indicatorId}@${d.version}`))).toEqual(new Set([`${vneid}@1`]));
    expect(sent.map((d) => [`${d.unitCode}/${d.period}`, d.value])).toEqual(
      sent.map((d) => [`${d.unitCode}/${d.period}`, old.get(`${d.unitCode}/${d.period}`)?.[1]]),
    );
    // Siblings are published with the value they rank against, so later slices find fewer to read.
    expect(outcome).toMatchObject({ published: old.size, done: true });
    expect(outcome.scanned).toBeLessThanOrEqual(old.size);
    expect(progress.length).toBeGreaterThan(1);
    expect(new Set([...(await publishedOf(vneid)).values()].map(([version]) => version))).toEqual(
      new Set([1]),
    );
    expect(await outdatedIndicators(pool)).toEqual([]);
    expect(await republishOutdated(pool)).toMatchObject({ published: 0 });
  });

  it('stops between slices at shutdown, leaves the indicator outdated, and the next check publishes only the rest', async () => {
    await recordedWithVersionZero(vneid);
    const keys = [...(await publishedOf(vneid)).keys()];
    const before = await lastOutboxId(pool);
    let slices = 0;
    const stopped = await republishOutdated(pool, {
      sliceSize: 2,
      onProgress: () => {
        slices++;
      },
      stopped: () => slices >= 1,
    });
    expect(stopped.done).toBe(false);
    expect(stopped.published).toBeGreaterThan(0);
    expect(stopped.published).toBeLessThan(keys.length);
    // Its values are on two versions now, and the record is pending on the stopped pass.
    expect(await outdatedIndicators(pool)).toEqual([{ id: vneid, from: null, to: 1 }]);
    const finished = await republishOutdated(pool, { sliceSize: 2 });
    expect(stopped.published + finished.published).toBe(keys.length);
    const sent = (await publishedSince(pool, before)).map((d) => `${d.unitCode}/${d.period}`);
    expect(sent.toSorted()).toEqual(keys.toSorted());
  });

  it('drops an indicator’s record when a value is published with another version, so the next check puts it right', async () => {
    const onVersion = async () =>
      new Map(
        (
          await pool.query<{ indicator_id: string; version: number }>(
            'SELECT indicator_id, version FROM kpi_published_versions',
          )
        ).rows.map((r) => [r.indicator_id, r.version]),
      );
    expect(await outdatedIndicators(pool)).toEqual([]);
    // Published with the version recorded: the record holds.
    await helped('24175', 5, 3);
    expect((await onVersion()).get(vneid)).toBe(1);
    // An instance on another catalog recorded version 2; this one publishes version 1.
    await pool.query('UPDATE kpi_published_versions SET version = 2 WHERE indicator_id = $1', [vneid]);
    await helped('24343', 5, 4);
    const recorded = await onVersion();
    expect(recorded.has(vneid)).toBe(false);
    expect(recorded.get('vneid_vs_target')).toBe(1);
    expect(await outdatedIndicators(pool)).toEqual([{ id: vneid, from: null, to: 1 }]);
    expect(await republishOutdated(pool)).toMatchObject({ done: true });
    expect((await onVersion()).get(vneid)).toBe(1);
  });

  it('does not settle when an old instance publishes the previous version behind the pass, and the next check puts it right', async () => {
    await recordedWithVersionZero(vneid);
    let behind: string | undefined;
    const outcome = await republishOutdated(pool, {
      sliceSize: 2,
      // After the first slice: a key the pass has read and published with version 1.
      onProgress: async (p) => {
        if (!p.done && behind === undefined) behind = await publishedByAnOldInstance(vneid);
      },
    });
    expect(outcome).toMatchObject({ done: true, settled: false });
    expect((await publishedOf(vneid)).get(behind as string)?.[0]).toBe(0);
    expect(await outdatedIndicators(pool)).toEqual([{ id: vneid, from: null, to: 1 }]);
    const next = await republishOutdated(pool);
    expect(next).toMatchObject({ done: true, settled: true });
    expect(next.published).toBeGreaterThanOrEqual(1);
    expect(new Set([...(await publishedOf(vneid)).values()].map(([version]) => version))).toEqual(
      new Set([1]),
    );
    expect(await outdatedIndicators(pool)).toEqual([]);
  });

  it('leaves the record to a pass that took it over, which settles it', async () => {
    await recordedWithVersionZero(vneid);
    const taken = await republishOutdated(pool, {
      sliceSize: 2,
      onProgress: async (p) => {
        if (!p.done)
          await pool.query(
            'UPDATE kpi_published_versions SET pending_pass = gen_random_uuid() WHERE pending_pass IS NOT NULL',
          );
      },
    });
    expect(taken).toMatchObject({ done: true, settled: false });
    expect(await outdatedIndicators(pool)).toEqual([{ id: vneid, from: null, to: 1 }]);
    expect(await republishOutdated(pool)).toMatchObject({ published: 0, settled: true });
    expect(await outdatedIndicators(pool)).toEqual([]);
  });

  it('checks again every interval in the background, and stops between checks at shutdown', async () => {
    const keeper = new KeepFormulaVersions(pool, { formulaCheckMs: 50 } as KpiConfig);
    keeper.onApplicationBootstrap();
    try {
      // The start's check (one small read) is long done; then a formula changes under the running
      // service, as a rolling deploy leaves it: only a later check can put it right.
      await sleep(300);
      await recordedWithVersionZero(vneid);
      await eventually(async () => (await outdatedIndicators(pool)).length === 0, { timeoutMs: 10_000 });
      expect(new Set([...(await publishedOf(vneid)).values()].map(([version]) => version))).toEqual(
        new Set([1]),
      );
    } finally {
      await keeper.beforeApplicationShutdown();
    }
  });
});
