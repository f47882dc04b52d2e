// The fastest load of event and outbox rows we could write: pre-serialised COPY text streamed
// through pg-copy-streams, one transaction per part, parts on parallel connections. It is the
// peer of the event store's batched append and the database half of bulk ingest's floor.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import copy from 'pg-copy-streams';
import { copyChunks, eventColumns, outboxColumns, type CopyValue } from './copy-text.ts';

/** Rows of both tables as COPY text, ready before a timer starts. */
export interface CopyPart {
  readonly events: readonly Buffer[];
  readonly outbox: readonly Buffer[];
}

export interface CopyTables {
  readonly events: string;
  readonly outbox: string;
}

/**
 * Parts loaded side by side. 100,000 events + outbox rows on this 2-core machine, events/s in
 * four probes (two with neighbours busy, two quiet): 1 part 63k/20k/58k/38k, 2 parts
 * 40k/41k/77k/49k, 4 parts 47k/46k/60k/55k, 8 parts 43k/28k/47k/39k. Four is the steadiest.
 */
export const copyParallelism = 4;

export const storeTables: CopyTables = { events: 'es_events', outbox: 'es_outbox' };

/**
 * Serialises event and outbox rows (values in `eventColumns` / `outboxColumns` order) into
 * `parts` parts of about equal size; each part is loaded in a transaction of its own.
 */
export function prepareCopy(
  events: readonly (readonly CopyValue[])[],
  outbox: readonly (readonly CopyValue[])[],
  parts: number,
): CopyPart[] {
  const slice = <T>(rows: readonly T[], p: number): readonly T[] => {
    const size = Math.ceil(rows.length / parts);
    return rows.slice(p * size, (p + 1) * size);
  };
  return Array.from({ length: parts }, (_, p) => ({
    events: copyChunks(slice(events, p)),
    outbox: copyChunks(slice(outbox, p)),
  })).filter((part) => part.events.length + part.outbox.length > 0);
}

/** Loads every part, all at once on connections of their own; resolves when all committed. */
export async function copyLoad(
  pool: pg.Pool,
  parts: readonly CopyPart[],
  tables: CopyTables = storeTables,
): Promise<void> {
  await Promise.all(parts.map((part) => copyPart(pool, part, tables)));
}

async function copyPart(pool: pg.Pool, part: CopyPart, tables: CopyTables): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await copyInto(client, tables.events, eventColumns, part.events);
    await copyInto(client, tables.outbox, outboxColumns, part.outbox);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function copyInto(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  chunks: readonly Buffer[],
): Promise<void> {
  if (chunks.length === 0) return;
  const sql = `COPY ${table} (${columns.join(', ')}) FROM STDIN`;
  await pipeline(Readable.from(chunks), client.query(copy.from(sql)));
}
