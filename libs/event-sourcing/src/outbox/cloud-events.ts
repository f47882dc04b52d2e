// CloudEvents 1.0 in Kafka binary mode: attributes as `ce_*` headers, the data as the JSON body.
import type { MessageHeaders, OutgoingMessage } from '@nhip/messaging';

export interface OutboxRow {
  readonly id: string;
  readonly message_id: string;
  readonly topic: string;
  readonly message_key: string | null;
  readonly type: string;
  readonly source: string;
  readonly subject: string | null;
  /** RFC 3339 in UTC, formatted by the database (parsing to a Date and back cost the relay time). */
  readonly occurred_at: string;
  /** The jsonb column as text, published byte for byte without a parse. */
  readonly data: string;
  readonly traceparent: string | null;
}

export function cloudEventHeaders(row: OutboxRow): MessageHeaders {
  return {
    ce_specversion: '1.0',
    ce_id: row.message_id,
    ce_type: row.type,
    ce_source: row.source,
    ce_time: row.occurred_at,
    ...(row.subject === null ? {} : { ce_subject: row.subject }),
    'content-type': 'application/json',
    ...(row.traceparent === null ? {} : { traceparent: row.traceparent }),
  };
}

export function toKafkaMessage(row: OutboxRow): OutgoingMessage {
  return { topic: row.topic, key: row.message_key, value: row.data, headers: cloudEventHeaders(row) };
}
