// A resume on the real change log (PostgreSQL): replayed changes respect a slow socket as live ones
// do, and a prune that runs between the retention check and the replay turns into a reset and a
// snapshot instead of a gap nobody notices.
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals';
import { freshTestDatabase, migrationHarness } from '@nhip/testing';
import type pg from 'pg';
import { seedChangeLog } from '../../fixtures/change-log.ts';
import { slowStream } from '../../fixtures/slow-socket.ts';
import { projectionDataSource } from '../../schema/projection-data-source.ts';
import { horizon, prune, replayPage } from './change-log.queries.ts';
import { openStream, type ResumableLog } from './resume.ts';
import type { SseConnection } from './sse-connection.ts';

const { start, plainPool, close } = migrationHarness(projectionDataSource);
let pool: pg.Pool;
let databases = 0;
afterAll(close);

beforeEach(async () => {
  const url = await freshTestDatabase(`projection_resume_${++databases}`);
  await start(url);
  pool = plainPool(url);
});

/** `count` changes of the province for 2025, each its own unit, the first `old` two hours old. */
const logOf = (count: number, old = 0) => seedChangeLog(pool, count, old);

/** The log as the controller reads it; `beforeRead` runs before each page is read. */
const changeLog = (
  last: number,
  beforeRead: () => Promise<void> = () => Promise.resolve(),
): ResumableLog => ({
  last,
  horizon: () => horizon(pool),
  page: async (stream: SseConnection, window, size) => {
    await beforeRead();
    return replayPage(pool, { ...window, roots: [...stream.filter.roots], periods: ['2025'] }, size);
  },
});

const snapshot = (seq: number) => Promise.resolve(JSON.stringify({ seq }));

describe('resuming a stream from the change log (real PostgreSQL)', () => {
  it('replays exactly what came after Last-Event-ID, then goes live', async () => {
    await logOf(6);
    const { socket, stream } = slowStream();
    await openStream(stream, '2', changeLog(6), snapshot);
    expect(socket.ids()).toEqual([3, 4, 5, 6]);
    expect(socket.written.some((t) => t.includes('event: snapshot'))).toBe(false);
  });

  it('sends a reset and a snapshot when a prune removed missed changes while the replay was starting', async () => {
    await logOf(6, 4);
    const { socket, stream } = slowStream();
    let pruned = false;
    const pruneOnce = async () => {
      if (!pruned) await prune(pool, 60 * 60_000);
      pruned = true;
    };
    await openStream(stream, '2', changeLog(6, pruneOnce), snapshot);
    expect(await horizon(pool)).toBe(4);
    const reset = socket.written.findIndex((t) => t.startsWith('event: reset'));
    expect(socket.written[reset]).toBe(
      `event: reset\ndata: ${JSON.stringify({ reason: 'beyond-retention' })}\n\n`,
    );
    expect(socket.written[reset + 1]).toBe(`id: 6\nevent: snapshot\ndata: {"seq":6}\n\n`);
  });

  it('coalesces a large replay to a socket that stops draining, and ends it as too slow past the bound', async () => {
    await logOf(3000);
    const bounded = slowStream(1000);
    bounded.socket.full = true;
    await openStream(bounded.stream, '0', changeLog(3000), snapshot);
    // One write filled the socket; the rest waited as distinct values until there were too many.
    expect(bounded.socket.written).toHaveLength(1);
    expect(bounded.socket.ended).toBe(`event: end\ndata: ${JSON.stringify({ reason: 'too-slow' })}\n\n`);

    const roomy = slowStream(5000);
    roomy.socket.full = true;
    await openStream(roomy.stream, '0', changeLog(3000), snapshot);
    expect(roomy.socket.written).toHaveLength(1);
    roomy.socket.full = false;
    roomy.socket.emit('drain');
    expect(roomy.socket.ids()).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    expect(roomy.stream.ended).toBe(false);
  });
});
