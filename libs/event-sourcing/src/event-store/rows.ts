// Between the event store's types and its tables: rows as PostgreSQL returns them, and the named
// statements that write them.
import { activeTraceparent } from '@nhip/telemetry';
import type pg from 'pg';
import { appendSql, appendWithOutboxSql } from './append.sql.ts';
import type { EventMetadata, ExpectedVersion, NewEvent, OutboxMessage, RecordedEvent } from './types.ts';
import { currentSchemaVersion, upcast, type EventSchemas } from './upcasters.ts';

export interface EventRow {
  global_position: string;
  tx_id: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

export interface AppendedRow {
  version: number | null;
  last_position: string | null;
}

// Named statements: each connection plans them once; planning costs more than running them.
export function appendStatement(
  streamId: string,
  expected: ExpectedVersion,
  rows: readonly Record<string, unknown>[],
  outbox: readonly OutboxMessage[],
): pg.QueryConfig {
  const params = [streamId, rows.length, expectedVersionParam(expected), JSON.stringify(rows)];
  if (outbox.length === 0) return { name: 'nhip_es_append', text: appendSql, values: params };
  return {
    name: 'nhip_es_append_outbox',
    text: appendWithOutboxSql,
    values: [...params, JSON.stringify(outbox.map(toOutboxRow))],
  };
}

export function eventRow(schemas: EventSchemas, event: NewEvent): Record<string, unknown> {
  return {
    event_id: event.eventId,
    event_type: event.type,
    schema_version: event.schemaVersion ?? currentSchemaVersion(schemas, event.type),
    data: event.data,
    metadata: event.metadata,
  };
}

/** Old schema versions are upcast here, on read, so no caller ever sees an old shape. */
export function recordedEvent(schemas: EventSchemas, row: EventRow): RecordedEvent {
  return {
    globalPosition: BigInt(row.global_position),
    txId: BigInt(row.tx_id),
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.event_type,
    schemaVersion: currentSchemaVersion(schemas, row.event_type),
    data: upcast(schemas, row.event_type, row.schema_version, row.data),
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}

/** NULL means any version; 0 means the stream must not exist yet. */
function expectedVersionParam(expected: ExpectedVersion): number | null {
  if (expected === 'any') return null;
  return expected === 'no_stream' ? 0 : expected;
}

export function toOutboxRow(m: OutboxMessage): Record<string, unknown> {
  return {
    message_id: m.messageId,
    topic: m.topic,
    message_key: m.key,
    type: m.type,
    source: m.source,
    subject: m.subject ?? null,
    occurred_at: m.occurredAt,
    data: m.data,
    // The trace that wrote the row (the request, or the consumer that derived it), for the relay
    // to carry on as the message's traceparent (docs/adr/0031).
    traceparent: m.traceparent ?? activeTraceparent() ?? null,
  };
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === constraint;
}
