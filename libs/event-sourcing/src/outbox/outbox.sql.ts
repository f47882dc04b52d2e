// The relay reads the outbox like the event log: in (tx_id, id) order, only from transactions
// older than every one still running, so a row whose transaction commits late is sent late, never
// skipped (see event-store/postgres-event-store.ts readAll and docs/adr/0005).

export interface Checkpoint {
  readonly txId: string;
  readonly id: string;
}

const afterCheckpoint = `(o.tx_id, o.id) > (
    COALESCE((SELECT tx_id FROM es_relay_checkpoints WHERE relay = $1), '0'::xid8),
    COALESCE((SELECT id FROM es_relay_checkpoints WHERE relay = $1), 0))`;

export const loadCheckpointSql = `
  SELECT tx_id::text AS "txId", id::text AS id FROM es_relay_checkpoints WHERE relay = $1`;

/** The next batch after a cursor ($1 tx id, $2 id), which the relay keeps in memory while leading. */
export const readBatchSql = `
  SELECT o.tx_id::text, o.id::text, o.message_id::text, o.topic, o.message_key, o.type, o.source, o.subject,
         to_char(o.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
         o.data::text AS data, o.traceparent
    FROM es_outbox o
   WHERE (o.tx_id, o.id) > ($1::text::xid8, $2::bigint)
     AND o.tx_id < pg_snapshot_xmin(pg_current_snapshot())
   ORDER BY o.tx_id, o.id
   LIMIT $3`;

/**
 * Whether committed rows wait after the cursor: held back behind an older transaction still
 * running (any database's: transaction ids are the server's). That one's commit sends no NOTIFY
 * here when it writes no outbox row, so the relay looks again soon instead of at its next poll.
 *
 * The first row in index order, not `EXISTS (… WHERE (tx_id, id) > cursor)`: for that, without
 * fresh statistics (an outbox filling faster than autovacuum analyzes it) the planner guesses a
 * third of the rows match and scans the table from its start, past every row already sent: 10 ms
 * at 100,000 rows, 20–30 ms a call under bench:ingest. Asked in the index's order with LIMIT 1 it
 * reads one index entry whatever the statistics say.
 */
export const heldBackSql = `
  SELECT (SELECT o.id FROM es_outbox o WHERE (o.tx_id, o.id) > ($1::text::xid8, $2::bigint)
           ORDER BY o.tx_id, o.id LIMIT 1) IS NOT NULL AS held`;

export const saveCheckpointSql = `
  INSERT INTO es_relay_checkpoints (relay, tx_id, id) VALUES ($1, $2::text::xid8, $3::bigint)
  ON CONFLICT (relay) DO UPDATE SET tx_id = EXCLUDED.tx_id, id = EXCLUDED.id, updated_at = clock_timestamp()`;

export const pendingSql = `
  SELECT count(*)::text AS n FROM es_outbox o
   WHERE ${afterCheckpoint} AND ($2::text IS NULL OR o.topic = $2)`;

/** Deletes published rows older than the retention, a bounded chunk at a time. */
export const pruneSql = `
  DELETE FROM es_outbox WHERE id IN (
    SELECT o.id FROM es_outbox o
     WHERE NOT ${afterCheckpoint} AND o.created_at < clock_timestamp() - $2::interval
     LIMIT 10000)`;

/** The backlog for /metrics: how many rows wait and how long the oldest has waited, in seconds. */
export const backlogSql = `
  SELECT count(*)::int AS pending,
         COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(o.created_at)), 0)::float8 AS "oldestAgeSeconds"
    FROM es_outbox o
   WHERE ${afterCheckpoint}`;
