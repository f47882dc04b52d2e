// The consumer's memory, in the same database and transaction as the handler's own writes.
import type pg from 'pg';
import type { ReceivedMessage } from '@nhip/messaging';

const partitionKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/** next_offset per topic/partition, locked for the rest of the transaction. */
export async function loadOffsets(tx: pg.PoolClient, consumer: string): Promise<Map<string, bigint>> {
  const { rows } = await tx.query<{ topic: string; partition: number; next_offset: string }>(
    `SELECT topic, partition, next_offset::text FROM es_consumer_offsets WHERE consumer = $1 FOR UPDATE`,
    [consumer],
  );
  return new Map(rows.map((r) => [partitionKey(r.topic, r.partition), BigInt(r.next_offset)]));
}

export function alreadyHandled(offsets: Map<string, bigint>, m: ReceivedMessage): boolean {
  const next = offsets.get(partitionKey(m.topic, m.partition));
  return next !== undefined && m.offset < next;
}

/** Records event ids; returns the ones seen for the first time. */
export async function claimEventIds(
  tx: pg.PoolClient,
  consumer: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await tx.query<{ event_id: string }>(
    `INSERT INTO es_processed_events (consumer, event_id)
     SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, ids],
  );
  return new Set(rows.map((r) => r.event_id));
}

export async function advanceOffsets(
  tx: pg.PoolClient,
  consumer: string,
  messages: readonly ReceivedMessage[],
): Promise<void> {
  const next = new Map<string, { topic: string; partition: number; offset: bigint }>();
  for (const m of messages) {
    const key = partitionKey(m.topic, m.partition);
    const seen = next.get(key);
    if (!seen || seen.offset <= m.offset)
      next.set(key, { topic: m.topic, partition: m.partition, offset: m.offset + 1n });
  }
  const rows = [...next.values()];
  await tx.query(
    `INSERT INTO es_consumer_offsets (consumer, topic, partition, next_offset)
     SELECT $1, t, p, o FROM unnest($2::text[], $3::int[], $4::bigint[]) AS x(t, p, o)
     ON CONFLICT (consumer, topic, partition)
     DO UPDATE SET next_offset = GREATEST(es_consumer_offsets.next_offset, EXCLUDED.next_offset)`,
    [consumer, rows.map((r) => r.topic), rows.map((r) => r.partition), rows.map((r) => r.offset.toString())],
  );
}

export async function processedCount(db: Pick<pg.Pool, 'query'>, consumer: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    'SELECT count(*)::text AS n FROM es_processed_events WHERE consumer = $1',
    [consumer],
  );
  return Number(rows[0]?.n ?? 0);
}
