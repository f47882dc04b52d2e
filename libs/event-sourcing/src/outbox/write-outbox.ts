// Public messages that no aggregate decides: values a consumer derives from what it consumed (the
// KPI service's indicators). Written in the consumer's transaction, so they commit with its state
// and offsets and the relay publishes them like any command's messages (ADR 0027).
import type { OutboxMessage } from '../event-store/types.ts';
import type { Tx } from '../command/transaction.ts';
import { toOutboxRow } from '../event-store/rows.ts';

const writeSql = `
  WITH written AS (
    INSERT INTO es_outbox (message_id, topic, message_key, type, source, subject, occurred_at, data, traceparent)
    SELECT o.message_id, o.topic, o.message_key, o.type, o.source, o.subject, o.occurred_at, o.data, o.traceparent
      FROM ROWS FROM (jsonb_to_recordset($1::jsonb)
             AS (message_id uuid, topic text, message_key text, type text, source text, subject text,
                 occurred_at timestamptz, data jsonb, traceparent text))
           WITH ORDINALITY AS o(message_id, topic, message_key, type, source, subject, occurred_at, data, traceparent, ord)
     ORDER BY o.ord
    RETURNING 1)
  SELECT CASE WHEN EXISTS (SELECT 1 FROM written) THEN pg_notify('es_outbox', '') END AS notified`;

export async function writeOutbox(tx: Tx, messages: readonly OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.query(writeSql, [JSON.stringify(messages.map(toOutboxRow))]);
}
