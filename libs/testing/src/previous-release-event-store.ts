// The event store's tables as the release before versioned migrations laid them out (its
// schema/migrate.ts), copied verbatim and frozen: every service's migration spec starts from them.
// Never edit it to follow the schema.
export const previousReleaseEventStoreDdl: readonly string[] = [
  // One row per stream: the version check and the row lock that serialises writers of a stream.
  `CREATE TABLE IF NOT EXISTS es_streams (
     stream_id text PRIMARY KEY,
     version integer NOT NULL CHECK (version >= 0)
   )`,
  // tx_id is the writing transaction's id. Readers that page by position order by (tx_id, position)
  // and stop below the oldest transaction still running, so a transaction that commits late is
  // read late instead of skipped (docs/adr/0005).
  // The natural key is the primary key; global_position is unique by its sequence and indexed only
  // together with tx_id, the order readers page in. Every index is paid for on every append.
  `CREATE TABLE IF NOT EXISTS es_events (
     global_position bigserial NOT NULL,
     tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
     stream_id text NOT NULL,
     stream_version integer NOT NULL,
     event_id uuid NOT NULL UNIQUE,
     event_type text NOT NULL,
     schema_version integer NOT NULL,
     data jsonb NOT NULL,
     metadata jsonb NOT NULL,
     recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
     PRIMARY KEY (stream_id, stream_version)
   )`,
  `CREATE INDEX IF NOT EXISTS es_events_by_tx ON es_events (tx_id, global_position)`,
  // Integration events for the relay, written in the same transaction as the domain events. The
  // relay reads them like the event log, by (tx_id, id) below the oldest running transaction, and
  // keeps one checkpoint row instead of marking every row (an UPDATE per row cost 4/5 of its rate).
  `CREATE TABLE IF NOT EXISTS es_outbox (
     id bigserial PRIMARY KEY,
     tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
     message_id uuid NOT NULL,
     topic text NOT NULL,
     message_key text,
     type text NOT NULL,
     source text NOT NULL,
     subject text,
     occurred_at timestamptz NOT NULL,
     data jsonb NOT NULL,
     traceparent text,
     created_at timestamptz NOT NULL DEFAULT clock_timestamp()
   )`,
  `CREATE INDEX IF NOT EXISTS es_outbox_by_tx ON es_outbox (tx_id, id)`,
  `CREATE TABLE IF NOT EXISTS es_relay_checkpoints (
     relay text PRIMARY KEY,
     tx_id xid8 NOT NULL,
     id bigint NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
   )`,
  // What each consumer has applied: event ids catch redelivery at a new offset (a relay that
  // re-sent after a crash); offsets let a redelivered batch, poison included, be skipped at once.
  `CREATE TABLE IF NOT EXISTS es_processed_events (
     consumer text NOT NULL,
     event_id text NOT NULL,
     processed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
     PRIMARY KEY (consumer, event_id)
   )`,
  `CREATE TABLE IF NOT EXISTS es_consumer_offsets (
     consumer text NOT NULL,
     topic text NOT NULL,
     partition integer NOT NULL,
     next_offset bigint NOT NULL,
     PRIMARY KEY (consumer, topic, partition)
   )`,
];
