// P2 (b): 100-event appends with their outbox rows, against the fastest COPY of the very same rows
// (pre-serialised before the clock starts) into tables shaped like ours.
import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type NewEvent, type OutboxMessage } from '@nhip/event-sourcing';
import type pg from 'pg';
import { copyLoad, prepareCopy, type CopyPart, type CopyTables } from '../copy/copy-load.ts';
import type { CopyValue } from '../copy/copy-text.ts';
import { activityEvent, activityMessage } from './fixtures.ts';

export const batchSize = 100;
const copyTables: CopyTables = { events: 'bench_copy_events', outbox: 'bench_copy_outbox' };

interface Batch {
  readonly stream: string;
  readonly events: NewEvent[];
  readonly outbox: OutboxMessage[];
}

/** One round's rows: as batches for our append, and as COPY text for the peer. */
export interface BatchRound {
  readonly events: number;
  readonly batches: readonly Batch[];
  readonly copy: readonly CopyPart[];
}

export function prepareRound(events: number, copyParts: number): BatchRound {
  const run = randomUUID().slice(0, 8);
  const batches = Array.from({ length: Math.ceil(events / batchSize) }, (_, b): Batch => {
    const evts = Array.from({ length: batchSize }, (_, i) => activityEvent(b * batchSize + i));
    return { stream: `batch-${run}-${b}`, events: evts, outbox: evts.map((e) => activityMessage(e, topic)) };
  });
  const eventRows = batches.flatMap((b) => b.events.map((e, i) => eventRow(b.stream, i + 1, e)));
  const outboxRows = batches.flatMap((b) => b.outbox.map(outboxRow));
  return { events: batches.length * batchSize, batches, copy: prepareCopy(eventRows, outboxRows, copyParts) };
}

const topic = 'bench.eventstore.batch';

function eventRow(stream: string, version: number, e: NewEvent): CopyValue[] {
  return [stream, version, e.eventId, e.type, 1, JSON.stringify(e.data), JSON.stringify(e.metadata)];
}

function outboxRow(m: OutboxMessage): CopyValue[] {
  return [
    m.messageId,
    m.topic,
    m.key,
    m.type,
    m.source,
    m.subject ?? null,
    m.occurredAt,
    JSON.stringify(m.data),
    m.traceparent ?? null,
  ];
}

/** Our full append, `writers` commands at a time, each a new stream of 100 events + outbox rows. */
export async function ourBatches(pool: pg.Pool, round: BatchRound, writers: number): Promise<number> {
  const store = new PostgresEventStore(pool);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let b = round.batches[next++]; b; b = round.batches[next++]) {
        await store.appendToStream(b.stream, 'no_stream', b.events, b.outbox);
      }
    }),
  );
  return round.events / ((performance.now() - started) / 1000);
}

export async function copyBatches(pool: pg.Pool, round: BatchRound): Promise<number> {
  const started = performance.now();
  await copyLoad(pool, round.copy, copyTables);
  return round.events / ((performance.now() - started) / 1000);
}

export async function createCopyTables(pool: pg.Pool): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_copy_events (LIKE es_events INCLUDING ALL)`);
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_copy_outbox (LIKE es_outbox INCLUDING ALL)`);
}
