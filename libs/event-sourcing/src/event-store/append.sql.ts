// One statement appends events, checks and bumps the stream version and, when there are
// integration events, writes the outbox rows and wakes the relay. Run in autocommit it is its own
// transaction: one round trip per command.
//   $1 stream id, $2 event count, $3 expected version (NULL = any, 0 = no stream yet),
//   $4 events as a JSON array, [$5 outbox messages as a JSON array]
const streamAndEvents = `
created AS (
  INSERT INTO es_streams (stream_id, version)
  SELECT $1, $2::int WHERE $3::int IS NULL OR $3::int = 0
  ON CONFLICT (stream_id) DO UPDATE SET version = es_streams.version + $2::int WHERE $3::int IS NULL
  RETURNING version
),
updated AS (
  UPDATE es_streams SET version = version + $2::int
  WHERE stream_id = $1 AND $3::int > 0 AND version = $3::int
  RETURNING version
),
stream AS (SELECT version FROM created UNION ALL SELECT version FROM updated),
appended AS (
  INSERT INTO es_events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
  SELECT $1, stream.version - $2::int + e.ord::int, e.event_id, e.event_type, e.schema_version, e.data, e.metadata
  FROM stream,
       ROWS FROM (jsonb_to_recordset($4::jsonb)
         AS (event_id uuid, event_type text, schema_version int, data jsonb, metadata jsonb))
       WITH ORDINALITY AS e(event_id, event_type, schema_version, data, metadata, ord)
  ORDER BY e.ord
  RETURNING global_position
)`;

const result = `(SELECT version FROM stream) AS version,
       (SELECT max(global_position) FROM appended)::text AS last_position`;

export const appendSql = `WITH ${streamAndEvents}
SELECT ${result}`;

// A separate statement rather than a branch of the one above: with the never-called pg_notify
// branch present, event-only appends ran at 5.2k/s instead of 7.5k/s (8 writers, one probe).
export const appendWithOutboxSql = `WITH ${streamAndEvents},
outboxed AS (
  INSERT INTO es_outbox (message_id, topic, message_key, type, source, subject, occurred_at, data, traceparent)
  SELECT o.message_id, o.topic, o.message_key, o.type, o.source, o.subject, o.occurred_at, o.data, o.traceparent
  FROM stream,
       ROWS FROM (jsonb_to_recordset($5::jsonb)
         AS (message_id uuid, topic text, message_key text, type text, source text, subject text,
             occurred_at timestamptz, data jsonb, traceparent text))
       WITH ORDINALITY AS o(message_id, topic, message_key, type, source, subject, occurred_at, data, traceparent, ord)
  ORDER BY o.ord
  RETURNING 1
)
SELECT ${result},
       CASE WHEN EXISTS (SELECT 1 FROM outboxed) THEN pg_notify('es_outbox', '') END AS notified`;

export const eventColumns = `global_position::text, tx_id::text, stream_id, stream_version, event_id::text,
  event_type, schema_version, data, metadata, recorded_at`;
