import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { migrateEventStore } from '@nhip/event-sourcing';
import { testDatabase } from '@nhip/testing';
import pg from 'pg';
import { copyLoad, prepareCopy } from './copy-load.ts';
import type { CopyValue } from './copy-text.ts';

describe('COPY load of event and outbox rows on a real PostgreSQL', () => {
  let pool: pg.Pool;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await testDatabase('bench_copy_load'), max: 4 });
    await migrateEventStore(pool);
  });
  afterAll(async () => {
    await pool.end();
  });

  const awkward = { note: 'Thôn 1\tđêm\n"1 giờ"\\ \r', path: 'C:\\nhip', n: 3 };

  it('stores every row as written, awkward characters and NULLs included, across parts', async () => {
    const run = randomUUID();
    const events: CopyValue[][] = Array.from({ length: 50 }, (_, i) => [
      `copy-${run}-${i}`,
      1,
      randomUUID(),
      'ActivityLogged',
      1,
      JSON.stringify({ ...awkward, i }),
      JSON.stringify({ actor: 'member-7f3a', occurredAt: '2026-11-20T12:30:00.000Z' }),
    ]);
    const outbox: CopyValue[][] = events.map((e, i) => [
      randomUUID(),
      'public.activity.activity.v1',
      i % 2 ? '24175' : null,
      'vn.nhip.activity.activity.logged.v1',
      '/nhip/activity',
      null,
      '2026-11-20T12:30:00.000Z',
      e[5] ?? null,
      null,
    ]);
    const parts = prepareCopy(events, outbox, 3);
    expect(parts).toHaveLength(3);

    await copyLoad(pool, parts);

    const stored = await pool.query<{ data: unknown }>(
      `SELECT data FROM es_events WHERE stream_id LIKE $1 ORDER BY (data->>'i')::int`,
      [`copy-${run}-%`],
    );
    expect(stored.rows.map((r) => r.data)).toEqual(events.map((_, i) => ({ ...awkward, i })));
    const messages = await pool.query<{ key: string | null; subject: string | null; data: unknown }>(
      `SELECT message_key AS key, subject, data FROM es_outbox WHERE message_id = ANY($1::uuid[])`,
      [outbox.map((o) => o[0])],
    );
    expect(messages.rows).toHaveLength(50);
    expect(messages.rows.filter((m) => m.key === null)).toHaveLength(25);
    expect(messages.rows.every((m) => m.subject === null)).toBe(true);
  });

  it('commits nothing of a part whose rows break a constraint', async () => {
    const run = randomUUID();
    const twice = randomUUID();
    const row = (i: number, eventId: string): CopyValue[] => [
      `bad-${run}-${i}`,
      1,
      eventId,
      'X',
      1,
      '{}',
      '{}',
    ];
    await expect(
      copyLoad(pool, prepareCopy([row(1, randomUUID()), row(2, twice), row(3, twice)], [], 1)),
    ).rejects.toThrow(/duplicate key/);
    const { rows } = await pool.query('SELECT 1 FROM es_events WHERE stream_id LIKE $1', [`bad-${run}-%`]);
    expect(rows).toHaveLength(0);
  });
});
