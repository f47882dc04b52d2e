// Many one-event streams in one statement: the bulk path of services whose aggregates are born
// whole (an activity report). A stream that already exists is left alone and reported back, so a
// re-sent file answers "duplicate" for what it already delivered.
//   $1 items as a JSON array: stream_id, event_id, event_type, schema_version, data, metadata
//   $2 outbox messages as a JSON array, each with the stream_id it belongs to; a message without
//      data publishes its event's data (sent once instead of twice when they are the same)
// The streams created come back as JSON, which the driver parses in one call: as a text[] they went
// through postgres-array character by character, 4 % of an upload's allocations in a profile.
export const appendNewStreamsSql = `
WITH items AS (
  SELECT * FROM ROWS FROM (jsonb_to_recordset($1::jsonb)
    AS (stream_id text, event_id uuid, event_type text, schema_version int, data jsonb, metadata jsonb))
    WITH ORDINALITY AS i(stream_id, event_id, event_type, schema_version, data, metadata, ord)
),
created AS (
  INSERT INTO es_streams (stream_id, version)
  SELECT stream_id, 1 FROM items ORDER BY ord
  ON CONFLICT (stream_id) DO NOTHING
  RETURNING stream_id
),
appended AS (
  INSERT INTO es_events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
  SELECT i.stream_id, 1, i.event_id, i.event_type, i.schema_version, i.data, i.metadata
  FROM items i JOIN created c USING (stream_id)
  ORDER BY i.ord
  RETURNING stream_id
),
outboxed AS (
  INSERT INTO es_outbox (message_id, topic, message_key, type, source, subject, occurred_at, data, traceparent)
  SELECT o.message_id, o.topic, o.message_key, o.type, o.source, o.subject, o.occurred_at,
         coalesce(o.data, i.data), o.traceparent
  FROM ROWS FROM (jsonb_to_recordset($2::jsonb)
         AS (stream_id text, message_id uuid, topic text, message_key text, type text, source text,
             subject text, occurred_at timestamptz, data jsonb, traceparent text))
       WITH ORDINALITY AS o(stream_id, message_id, topic, message_key, type, source, subject, occurred_at, data, traceparent, ord)
  JOIN created c USING (stream_id)
  JOIN items i USING (stream_id)
  ORDER BY o.ord
  RETURNING 1
)
SELECT (SELECT coalesce(json_agg(stream_id), '[]') FROM appended) AS created,
       CASE WHEN EXISTS (SELECT 1 FROM outboxed) THEN pg_notify('es_outbox', '') END AS notified`;
