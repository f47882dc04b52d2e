// Idempotent consumer: the handler's writes, the processed event ids and the partition offsets
// commit in one PostgreSQL transaction, so a redelivered message changes nothing. Poison goes to
// `<topic>.dlt` with the reason, and the partition keeps flowing.
import {
  totalLag,
  type Publisher,
  type ReceivedMessage,
  type Subscriber,
  type Subscription,
  type TopicAdmin,
} from '@nhip/messaging';
import { backoffMs, isConnectionError } from '@nhip/postgres';
import type pg from 'pg';
import { inTransaction } from '../command/transaction.ts';
import { failpoint, failpointDelay } from '../failpoints.ts';
import { countDeadLetters, inHandlerSpans, observeFreshness, reportConsumer } from './consumer-telemetry.ts';
import { deadLetter, deadLetterTopic, type SetAside } from '../dead-letters/dead-letter.ts';
import { parseIncoming, type IncomingEvent, type Parsed } from './incoming-event.ts';
import { advanceOffsets, alreadyHandled, claimEventIds, loadOffsets } from './processed-store.ts';

export type EventBatchHandler = (events: readonly IncomingEvent[], tx: pg.PoolClient) => Promise<void>;

export interface EventConsumerOptions {
  /** Consumer group id and the name its progress is stored under. */
  readonly name: string;
  readonly topics: readonly string[];
  readonly pool: pg.Pool;
  readonly subscriber: Subscriber;
  /** Where dead letters go. */
  readonly publisher: Publisher;
  readonly isKnownType: (type: string) => boolean;
  readonly handle: EventBatchHandler;
  /** Attempts per message before it is dead-lettered (a failing batch is retried one by one). */
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
  readonly maxBatchSize?: number;
  readonly onError?: (error: unknown, context: string) => void;
  /** What it set aside, in the transaction moving past it: an answer to senders blind to the DLT. */
  readonly onDeadLetter?: (letters: readonly SetAside[], tx: pg.PoolClient) => Promise<void>;
  /**
   * Creates each topic's dead-letter topic before the first batch. A broker that does not create
   * topics on first use (a production cluster's usual setting) would refuse a letter with nowhere
   * to go, and the partition would stop behind it.
   */
  readonly admin?: Pick<TopicAdmin, 'ensureTopics'>;
}

export interface RunningConsumer {
  stop(): Promise<void>;
  /** Messages on the consumer's partitions not yet committed to Kafka. */
  lag(): Promise<bigint>;
  /** Undefined while consuming; else why not (broker away, rejoining), for a readiness check. */
  problem(): string | undefined;
}

export async function startEventConsumer(options: EventConsumerOptions): Promise<RunningConsumer> {
  // The previous batch's Kafka commit, left to finish while the next batch is applied.
  let committing: Promise<void> = Promise.resolve();
  let stopping = false;
  await options.admin?.ensureTopics(
    options.topics.map((topic) => ({ name: deadLetterTopic(topic), partitions: 1 })),
  );
  const subscription: Subscription = await options.subscriber.subscribe(
    {
      groupId: options.name,
      topics: options.topics,
      startFrom: 'earliest',
      maxBatchSize: options.maxBatchSize ?? 500,
      // A broker outage is reported once; the subscription reconnects by itself.
      onError: options.onError,
    },
    async (batch, commit) => {
      observeFreshness(options.name, await processBatch(options, batch));
      failpoint('consumer:after-db-commit');
      // Kafka's offset is only a shortcut: the database already records what was handled. So the
      // next batch does not wait for this round trip; commits still go one at a time, in order.
      await committing;
      committing = commit(batch).catch((error: unknown) => options.onError?.(error, 'kafka offset commit'));
      if (stopping) await committing; // before the consumer closes under it
    },
  );
  const lag = async () => totalLag(await subscription.lag());
  const forget = reportConsumer(options.name, options.topics, lag);
  return {
    stop: async () => {
      forget();
      stopping = true;
      await committing;
      await subscription.stop();
    },
    lag,
    problem: () => subscription.problem(),
  };
}

/** Applies the batch; returns the messages it applied (not those handled before, nor poison). */
async function processBatch(
  options: EventConsumerOptions,
  batch: readonly ReceivedMessage[],
): Promise<ReceivedMessage[]> {
  const attempts = options.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyOnceReachable(options, batch);
    } catch (error) {
      options.onError?.(error, `batch of ${batch.length}, attempt ${attempt}`);
      if (attempt >= attempts) break;
      await delay(options.retryDelayMs ?? 200, attempt);
    }
  }
  // The batch keeps failing: isolate the culprit so the others still go through.
  const applied: ReceivedMessage[] = [];
  for (const message of batch) applied.push(...(await processAlone(options, message, attempts)));
  return applied;
}

async function processAlone(
  options: EventConsumerOptions,
  message: ReceivedMessage,
  attempts: number,
): Promise<ReceivedMessage[]> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await applyOnceReachable(options, [message]);
    } catch (error) {
      lastError = error;
      options.onError?.(
        error,
        `message ${message.topic}/${message.partition}@${message.offset}, attempt ${attempt}`,
      );
      if (attempt < attempts) await delay(options.retryDelayMs ?? 200, attempt);
    }
  }
  const detail = lastError instanceof Error ? lastError.message : String(lastError);
  await options.publisher.publish([deadLetter(message, options.name, 'handler_failed', detail)]);
  countDeadLetters(options.name, [message]);
  await inTransaction(options.pool, async (tx) => {
    await advanceOffsets(tx, options.name, [message]);
    await options.onDeadLetter?.([{ message, reason: 'handler_failed', detail }], tx);
  });
  return [];
}

/**
 * The database being away is not the batch's fault: wait it out with backoff (0.5 s doubling to
 * 5 s), reported once, never counted as an attempt, so no message is dead-lettered for it.
 */
async function applyOnceReachable(
  options: EventConsumerOptions,
  batch: readonly ReceivedMessage[],
): Promise<ReceivedMessage[]> {
  for (let waits = 1; ; waits++) {
    try {
      return await applyInOneTransaction(options, batch);
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      if (waits === 1) options.onError?.(error, 'database unreachable; retrying with backoff');
      await new Promise((resolve) => setTimeout(resolve, backoffMs(waits)));
    }
  }
}

async function applyInOneTransaction(
  options: EventConsumerOptions,
  batch: readonly ReceivedMessage[],
): Promise<ReceivedMessage[]> {
  return inTransaction(options.pool, async (tx) => {
    const offsets = await loadOffsets(tx, options.name);
    const fresh = batch.filter((m) => !alreadyHandled(offsets, m));
    if (fresh.length === 0) return [];
    const parsed = fresh.map((m) => parseIncoming(m, options.isKnownType));
    const events = parsed.flatMap((p) => (p.ok ? [p.event] : []));
    const firstSeen = await claimEventIds(
      tx,
      options.name,
      events.map((e) => e.id),
    );
    const toApply = events.filter((e) => firstSeen.delete(e.id)); // a repeated id in one batch applies once
    // A slow consumer, for the fault suite: its lag grows under load, then must return to 0.
    await failpointDelay('consumer:before-apply');
    if (toApply.length > 0)
      await inHandlerSpans(options.name, toApply, (traced) => options.handle(traced, tx));
    await advanceOffsets(tx, options.name, fresh);
    // Last, so a handler failing on a neighbour (and its batch retried) dead-letters poison once.
    await deadLetterPoison(options, parsed, tx);
    failpoint('consumer:before-db-commit');
    return toApply.map((e) => e.message);
  });
}

async function deadLetterPoison(
  options: EventConsumerOptions,
  parsed: readonly Parsed[],
  tx: pg.PoolClient,
): Promise<void> {
  const poison = parsed.flatMap((p): SetAside[] => (p.ok ? [] : [p]));
  if (poison.length === 0) return;
  await options.publisher.publish(poison.map((p) => deadLetter(p.message, options.name, p.reason, p.detail)));
  countDeadLetters(
    options.name,
    poison.map((p) => p.message),
  );
  await options.onDeadLetter?.(poison, tx);
}

const delay = (baseMs: number, attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, baseMs * 2 ** (attempt - 1)));
