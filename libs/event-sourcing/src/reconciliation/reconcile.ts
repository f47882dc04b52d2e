// The ledger check the reliability tests end with: what the store holds, what reached the topic
// and what the consumer applied must agree, and nothing may be left unpublished.
import { pendingOutboxCount } from '../outbox/relay-database.ts';
import type { Messaging } from '@nhip/messaging';
import type pg from 'pg';
import { readTopic } from './read-topic.ts';

export interface Reconciliation {
  /** Integration events the store committed for this topic (outbox rows, kept an hour after publishing). */
  readonly committed: number;
  readonly unpublished: number;
  readonly messagesOnTopic: number;
  readonly distinctIdsOnTopic: number;
  /** Distinct events the consumer recorded as applied. */
  readonly processed: number;
}

export async function reconcile(options: {
  readonly storeDb: Pick<pg.Pool, 'query'>;
  readonly consumerDb: Pick<pg.Pool, 'query'>;
  readonly messaging: Messaging;
  readonly topic: string;
  readonly consumer: string;
}): Promise<Reconciliation> {
  const { rows } = await options.storeDb.query<{ committed: string }>(
    'SELECT count(*)::text AS committed FROM es_outbox WHERE topic = $1',
    [options.topic],
  );
  const unpublished = await pendingOutboxCount(options.storeDb, options.topic);
  const onTopic = await readTopic(options.messaging, options.topic);
  const { rows: processed } = await options.consumerDb.query<{ n: string }>(
    'SELECT count(*)::text AS n FROM es_processed_events WHERE consumer = $1',
    [options.consumer],
  );
  return {
    committed: Number(rows[0]?.committed ?? 0),
    unpublished,
    messagesOnTopic: onTopic.length,
    distinctIdsOnTopic: new Set(onTopic.map((m) => m.headers['ce_id'])).size,
    processed: Number(processed[0]?.n ?? 0),
  };
}
