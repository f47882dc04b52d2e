// P2 (b): 100-event appends with their outbox rows, against raw COPY of the same rows.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { PostgresEventStore, type NewEvent, type OutboxMessage } from '@nhip/event-sourcing';
import type pg from 'pg';
import copy from 'pg-copy-streams';
import { activityEvent, activityMessage } from './fixtures.ts';

export const batchSize = 100;

function batch(topic: string): { events: NewEvent[]; outbox: OutboxMessage[] } {
  const events = Array.from({ length: batchSize }, (_, i) => activityEvent(i));
  return { events, outbox: events.map((e) => activityMessage(e, topic)) };
}

export async function ourBatchAppend(pool: pg.Pool, stream: string): Promise<void> {
  const { events, outbox } = batch('bench.eventstore.batch');
  await new PostgresEventStore(pool).appendToStream(stream, 'no_stream', events, outbox);
}

/** The floor: the same rows streamed with COPY into tables shaped like ours, in one transaction. */
export async function rawCopy(pool: pg.Pool, stream: string): Promise<void> {
  const { events, outbox } = batch('bench.eventstore.batch');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const eventLines = events.map((e, i) =>
      [stream, i + 1, e.eventId, e.type, 1, JSON.stringify(e.data), JSON.stringify(e.metadata)]
        .map(tsv)
        .join('\t'),
    );
    await pipeline(
      Readable.from([`${eventLines.join('\n')}\n`]),
      client.query(
        copy.from(
          'COPY bench_copy_events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata) FROM STDIN',
        ),
      ),
    );
    const outboxLines = outbox.map((m) =>
      [
        m.messageId,
        m.topic,
        m.key ?? '',
        m.type,
        m.source,
        m.subject ?? '',
        m.occurredAt,
        JSON.stringify(m.data),
      ]
        .map(tsv)
        .join('\t'),
    );
    await pipeline(
      Readable.from([`${outboxLines.join('\n')}\n`]),
      client.query(
        copy.from(
          'COPY bench_copy_outbox (message_id, topic, message_key, type, source, subject, occurred_at, data) FROM STDIN',
        ),
      ),
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

const tsv = (value: unknown): string =>
  String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

export async function createCopyTables(pool: pg.Pool): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_copy_events (LIKE es_events INCLUDING ALL)`);
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_copy_outbox (LIKE es_outbox INCLUDING ALL)`);
}

export async function measureBatches(
  write: (stream: string) => Promise<void>,
  name: string,
  writers: number,
  ms: number,
): Promise<number> {
  let events = 0;
  const deadline = performance.now() + ms;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; performance.now() < deadline; i++) {
        await write(`${name}-${started}-w${w}-b${i}`);
        events += batchSize;
      }
    }),
  );
  return events / ((performance.now() - started) / 1000);
}
