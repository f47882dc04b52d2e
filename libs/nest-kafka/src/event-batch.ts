import type { IncomingEvent } from '@nhip/event-sourcing';
import type pg from 'pg';

/**
 * What an @EventPattern handler is called with: the new events of one contract topic, in arrival
 * order, and the consumer runtime's open transaction, in which their processed ids and offsets
 * commit with the handler's writes. One argument, because Nest 12 types every further handler
 * argument as `unknown`.
 */
export interface EventBatch {
  readonly events: readonly IncomingEvent[];
  readonly tx: pg.PoolClient;
  /** The contract topic the pattern names, without the deployment's NHIP_TOPIC_PREFIX. */
  readonly topic: string;
}
