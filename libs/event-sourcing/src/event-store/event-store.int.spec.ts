import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, serverVersions, testDatabase } from '@nhip/testing';
import pg from 'pg';
import { migrateEventStore } from '../schema/migrate.ts';
import { ConcurrencyConflict, DuplicateEventId } from './errors.ts';
import { PostgresEventStore } from './postgres-event-store.ts';
import { beginningOfLog, type LogPosition, type NewEvent, type RecordedEvent } from './types.ts';

const buildEvent = (overrides: Partial<NewEvent> = {}): NewEvent => ({
  eventId: randomUUID(),
  type: 'ActivityLogged',
  data: { kind: 'vneid_activation', residentsHelped: 3, place: 'Thôn Phú Sơn' },
  metadata: { correlationId: randomUUID(), occurredAt: '2024-03-05T12:00:00.000Z', actor: 'member-7f3a' },
  ...overrides,
});

describe(`event store on PostgreSQL ${serverVersions().postgres}`, () => {
  let pool: pg.Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await testDatabase('event_store'), max: 20 });
    await migrateEventStore(pool);
    await migrateEventStore(pool); // a second start changes nothing
    // Positions restart too: the power-of-ten test multiplies them by ten each run, and a database
    // kept between runs reached the end of bigint after about fifteen.
    await pool.query('TRUNCATE es_events, es_streams, es_outbox RESTART IDENTITY');
    store = new PostgresEventStore(pool, {
      TeamRegistered: { current: 2, steps: { 1: (d) => ({ ...(d as object), teamType: 'cdt' }) } },
    });
  });
  afterAll(async () => {
    await pool.end();
  });

  it('appends and reads a stream back in order, metadata included', async () => {
    const stream = `activity-${randomUUID()}`;
    const events = [buildEvent(), buildEvent({ data: { kind: 'e_payment_account', residentsHelped: 1 } })];
    const result = await store.appendToStream(stream, 'no_stream', events);
    expect(result).toMatchObject({ nextExpectedVersion: 2, alreadyAppended: false });

    const read = await store.readStream(stream);
    expect(read.version).toBe(2);
    expect(read.events.map((e) => [e.streamVersion, e.eventId, e.data])).toEqual(
      events.map((e, i) => [i + 1, e.eventId, e.data]),
    );
    expect(read.events[0]?.metadata).toEqual(events[0]?.metadata);
    expect(read.events[1]?.globalPosition).toBe(result.lastGlobalPosition);
  });

  it('lets exactly one of concurrent writers win each version', async () => {
    const stream = `team-${randomUUID()}`;
    await store.appendToStream(stream, 'no_stream', [buildEvent()]);
    for (let version = 1; version <= 5; version++) {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, () => store.appendToStream(stream, version, [buildEvent()])),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o) => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.every((o) => o.reason instanceof ConcurrencyConflict)).toBe(true);
    }
    const read = await store.readStream(stream);
    expect(read.events.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses a stale, a future and a "no stream" expectation on an existing stream', async () => {
    const stream = `team-${randomUUID()}`;
    await store.appendToStream(stream, 'no_stream', [buildEvent(), buildEvent()]);
    await expect(store.appendToStream(stream, 1, [buildEvent()])).rejects.toBeInstanceOf(ConcurrencyConflict);
    await expect(store.appendToStream(stream, 5, [buildEvent()])).rejects.toBeInstanceOf(ConcurrencyConflict);
    await expect(store.appendToStream(stream, 'no_stream', [buildEvent()])).rejects.toBeInstanceOf(
      ConcurrencyConflict,
    );
    await expect(store.appendToStream(`new-${randomUUID()}`, 3, [buildEvent()])).rejects.toBeInstanceOf(
      ConcurrencyConflict,
    );
    expect((await store.appendToStream(stream, 'any', [buildEvent()])).nextExpectedVersion).toBe(3);
  });

  it('recognises a retried append and answers with the original result', async () => {
    const stream = `activity-${randomUUID()}`;
    const events = [buildEvent(), buildEvent()];
    const first = await store.appendToStream(stream, 'no_stream', events);
    const retry = await store.appendToStream(stream, 'no_stream', events);
    const retryAfterMore = await (async () => {
      await store.appendToStream(stream, 2, [buildEvent()]);
      return store.appendToStream(stream, 'no_stream', events);
    })();
    expect(retry).toEqual({ ...first, alreadyAppended: true });
    expect(retryAfterMore).toEqual({ ...first, alreadyAppended: true });
    expect((await store.readStream(stream)).events).toHaveLength(3);
  });

  it('refuses an event id reused for a different event', async () => {
    const used = buildEvent();
    await store.appendToStream(`a-${randomUUID()}`, 'no_stream', [used]);
    await expect(
      store.appendToStream(`b-${randomUUID()}`, 'no_stream', [buildEvent({ eventId: used.eventId })]),
    ).rejects.toBeInstanceOf(DuplicateEventId);
  });

  it('writes outbox rows in the same transaction, and none when the append loses', async () => {
    const stream = `team-${randomUUID()}`;
    const message = (id: string) => ({
      messageId: id,
      topic: 'public.registry.team.v1',
      key: '26734',
      type: 'vn.nhip.registry.team.registered.v1',
      source: '/nhip/registry',
      occurredAt: '2024-03-05T12:00:00.000Z',
      data: { teamId: stream },
    });
    const kept = randomUUID();
    const dropped = randomUUID();
    await store.appendToStream(stream, 'no_stream', [buildEvent()], [message(kept)]);
    await expect(
      store.appendToStream(stream, 'no_stream', [buildEvent()], [message(dropped)]),
    ).rejects.toBeInstanceOf(ConcurrencyConflict);
    const { rows } = await pool.query<{ message_id: string }>(
      'SELECT message_id::text FROM es_outbox WHERE message_id = ANY($1::uuid[])',
      [[kept, dropped]],
    );
    expect(rows.map((r) => r.message_id)).toEqual([kept]);
  });

  it('upcasts an old schema version on read', async () => {
    const stream = `team-${randomUUID()}`;
    await store.appendToStream(stream, 'no_stream', [
      buildEvent({ type: 'TeamRegistered', schemaVersion: 1, data: { name: 'Tổ CNSCĐ thôn 1' } }),
      buildEvent({ type: 'TeamRegistered', data: { name: 'Tổ Đề án 06', teamType: 'project06' } }),
    ]);
    const { events } = await store.readStream(stream);
    expect(events.map((e) => [e.schemaVersion, e.data])).toEqual([
      [2, { name: 'Tổ CNSCĐ thôn 1', teamType: 'cdt' }],
      [2, { name: 'Tổ Đề án 06', teamType: 'project06' }],
    ]);
    const { rows } = await pool.query<{ schema_version: number }>(
      'SELECT schema_version FROM es_events WHERE stream_id = $1 ORDER BY stream_version',
      [stream],
    );
    expect(rows.map((r) => r.schema_version)).toEqual([1, 2]);
  });

  it('creates many one-event streams in one call, skipping those that exist, outbox included', async () => {
    const existing = `report-${randomUUID()}`;
    await store.appendToStream(existing, 'no_stream', [buildEvent()]);
    const ids = [existing, ...Array.from({ length: 3 }, () => `report-${randomUUID()}`)];
    const items = ids.map((streamId) => ({
      streamId,
      event: buildEvent(),
      outbox: [
        {
          messageId: randomUUID(),
          topic: 'public.test.v1',
          key: '24175',
          type: 'vn.nhip.test.v1',
          source: '/test',
          occurredAt: '2026-11-20T12:00:00.000Z',
          data: { streamId },
        },
      ],
    }));
    const created = await store.appendNewStreams(items);
    expect([...created].sort()).toEqual(ids.slice(1).sort());
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM es_outbox WHERE data->>'streamId' = ANY($1)`,
      [ids],
    );
    expect(rows[0]?.n).toBe('3');
    expect((await store.readStream(existing)).version).toBe(1);
    expect((await store.appendNewStreams(items)).size).toBe(0);
  });

  it("publishes an event's own data when a message shares it, sending it to the database once", async () => {
    const event = buildEvent();
    const streamId = `report-${randomUUID()}`;
    const message = {
      messageId: randomUUID(),
      topic: 'public.test.v1',
      key: '24175',
      type: 'vn.nhip.test.v1',
      source: '/test',
      occurredAt: '2026-11-20T12:00:00.000Z',
      data: event.data,
    };
    await store.appendNewStreams([{ streamId, event, outbox: [message] }]);
    const { rows } = await pool.query<{ data: unknown }>('SELECT data FROM es_outbox WHERE message_id = $1', [
      message.messageId,
    ]);
    expect(rows[0]?.data).toEqual(event.data);
  });

  describe('the late-commit ordering trap', () => {
    /** Everything readAll returns from `from` until it returns nothing, like a catch-up reader. */
    async function catchUp(from: LogPosition): Promise<{ events: RecordedEvent[]; position: LogPosition }> {
      const events: RecordedEvent[] = [];
      let position = from;
      for (;;) {
        const page = await store.readAll(position, 2);
        if (page.length === 0) return { events, position };
        events.push(...page);
        const last = page[page.length - 1] as RecordedEvent;
        position = { txId: last.txId, globalPosition: last.globalPosition };
      }
    }

    /**
     * The same once it has something: a transaction of any database of the server that is still open
     * (a spec's CREATE DATABASE, a service's batch) holds every later one back, as it should, so an
     * append is read when that one ends, not always at once (the CI of 2026-12-06 read nothing once).
     */
    const caughtUp = (from: LogPosition) =>
      eventually(async () => {
        const read = await catchUp(from);
        return read.events.length > 0 ? read : undefined;
      });

    // Found by the registry's read-model rebuild: ORDER BY once sorted the ::text columns, so at
    // 9,999 → 10,000 pages overlapped. Positions here are pushed just below a power of ten.
    it('pages in numeric order across a power of ten, each event once', async () => {
      const { position: start } = await catchUp(beginningOfLog);
      const { rows } = await pool.query<{ next: string }>(
        `SELECT (10 ^ (length(coalesce(max(global_position), 1)::text) + 1))::bigint - 4 AS next FROM es_events`,
      );
      await pool.query(`SELECT setval('es_events_global_position_seq', $1::bigint)`, [rows[0]?.next]);
      const events = Array.from({ length: 9 }, () => buildEvent());
      await store.appendToStream(`digits-${randomUUID()}`, 'no_stream', events);
      const read = (await caughtUp(start)).events.map((e) => e.eventId);
      expect(read).toEqual(events.map((e) => e.eventId));
    });

    it('reads an event whose transaction commits after a later one, and reads it once', async () => {
      const { position: start } = await catchUp(beginningOfLog);
      const { rows: startRows } = await pool.query<{ max: string | null }>(
        'SELECT max(global_position)::text AS max FROM es_events',
      );
      const naiveStart = BigInt(startRows[0]?.max ?? '0');

      const slow = await pool.connect();
      const early = buildEvent({ data: { note: 'early position, commits late' } });
      const late = buildEvent({ data: { note: 'later position, commits first' } });
      try {
        await slow.query('BEGIN');
        await new PostgresEventStore(slow).appendToStream(`slow-${randomUUID()}`, 'no_stream', [early]);
        await store.appendToStream(`fast-${randomUUID()}`, 'no_stream', [late]);

        // A reader paging by position alone now sees the later event and moves its checkpoint past
        // the earlier one, which it will never read: the trap is real on this server.
        const { rows: naive } = await pool.query<{ event_id: string; global_position: string }>(
          'SELECT event_id::text, global_position::text FROM es_events WHERE global_position > $1 ORDER BY global_position',
          [naiveStart.toString()],
        );
        expect(naive.map((r) => r.event_id)).toEqual([late.eventId]);
        const naiveCheckpoint = BigInt(naive[0]?.global_position ?? '0');

        // Ours waits: nothing from after the open transaction is handed out yet.
        const whileOpen = await catchUp(start);
        expect(whileOpen.events).toEqual([]);

        await slow.query('COMMIT');
        const { rows: naiveAfter } = await pool.query('SELECT 1 FROM es_events WHERE global_position > $1', [
          naiveCheckpoint.toString(),
        ]);
        expect(naiveAfter).toHaveLength(0); // the naive reader has skipped `early` for good

        const afterCommit = await caughtUp(whileOpen.position);
        expect(afterCommit.events.map((e) => e.eventId)).toEqual([early.eventId, late.eventId]);
        expect((await catchUp(afterCommit.position)).events).toEqual([]);
      } finally {
        await slow.query('ROLLBACK').catch(() => undefined);
        slow.release();
      }
    });
  });
});
