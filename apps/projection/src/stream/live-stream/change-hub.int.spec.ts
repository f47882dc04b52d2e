// The hub on the real change log (PostgreSQL): with no stream open it reads only positions and times,
// and a stream that opens while such a read is under way still receives those changes whole.
import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { eventually, freshTestDatabase, migrationHarness } from '@nhip/testing';
import type pg from 'pg';
import { seedChangeLog } from '../../fixtures/change-log.ts';
import { slowStream } from '../../fixtures/slow-socket.ts';
import { projectionDataSource } from '../../schema/projection-data-source.ts';
import { ChangeHub } from './change-hub.ts';
import { openStream, type ResumableLog } from './resume.ts';

const { start, plainPool, close } = migrationHarness(projectionDataSource);
let pool: pg.Pool;
let url: string;
let databases = 0;
let hub: ChangeHub | undefined;
let failures: unknown[] = [];
afterAll(close);
afterEach(async () => {
  await hub?.close();
  expect(failures).toEqual([]);
  failures = [];
});

beforeEach(async () => {
  url = await freshTestDatabase(`projection_hub_${++databases}`);
  await start(url);
  pool = plainPool(url);
  await seedChangeLog(pool, 6);
});

/** The hub's pool, recording each read of the log and holding the next one that skips the figures. */
function watchedPool() {
  const reads: { whole: boolean }[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let reached = () => {};
  const leanReadStarted = new Promise<void>((resolve) => (reached = resolve));
  let holding = false;
  const watched = {
    query: async (sql: string, params?: unknown[]) => {
      if (sql.includes('FROM projection_changes WHERE seq >')) {
        const whole = sql.includes('data');
        reads.push({ whole });
        if (!whole && holding) {
          reached();
          await held;
        }
      }
      return pool.query(sql, params);
    },
  } as unknown as pg.Pool;
  return { watched, reads, release, leanReadStarted, hold: () => (holding = true) };
}

function hubOn(watched: pg.Pool): ChangeHub {
  hub = new ChangeHub({
    pool: watched,
    connectionString: url,
    channel: 'projection_changes_spec',
    retentionMs: 3_600_000,
    heartbeatMs: 60_000,
    onError: (error) => failures.push(error),
  });
  return hub;
}

const logOf = (changeHub: ChangeHub): ResumableLog => ({
  get last() {
    return changeHub.last;
  },
  horizon: () => Promise.resolve(0),
  page: () => Promise.resolve([]),
});

describe('the change hub (real PostgreSQL)', () => {
  it('follows the log without reading the figures while no stream is open', async () => {
    const { watched, reads } = watchedPool();
    const changeHub = hubOn(watched);
    changeHub.wake();
    await eventually(() => Promise.resolve(changeHub.last === 6));
    expect(reads).toEqual([{ whole: false }]);
  });

  it('hands a stream opened during a read without figures every change of that read, whole', async () => {
    const { watched, reads, release, leanReadStarted, hold } = watchedPool();
    const changeHub = hubOn(watched);
    hold();
    changeHub.wake();
    await leanReadStarted;
    // As the controller does: registered first, then a snapshot at the hub's position, then live.
    const { socket, stream } = slowStream();
    expect(changeHub.add(stream)).toBe(true);
    await openStream(stream, undefined, logOf(changeHub), (seq) => Promise.resolve(JSON.stringify({ seq })));
    release();
    await eventually(() => Promise.resolve(changeHub.last === 6));
    expect(socket.ids()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(reads).toEqual([{ whole: false }, { whole: true }]);
  });
});
