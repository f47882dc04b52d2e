// Publishes outbox rows to Kafka after their transaction commits. At-least-once: a crash between
// the broker's ack and marking the rows re-sends them, and consumers de-duplicate on ce_id.
import type { Publisher } from '@nhip/messaging';
import pg from 'pg';
import { failpoint } from '../failpoints.ts';
import { toKafkaMessage, type OutboxRow } from './cloud-events.ts';

export interface OutboxRelayOptions {
  readonly pool: pg.Pool;
  /** Connection string for the relay's own session (leadership lock and LISTEN). */
  readonly connectionString: string;
  readonly publisher: Publisher;
  readonly batchSize?: number;
  /** Safety net only: appends wake the relay through NOTIFY within a millisecond or two. */
  readonly pollIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
}

const claimSql = `
  SELECT id::text, message_id::text, topic, message_key, type, source, subject, occurred_at,
         data::text AS data, traceparent
    FROM es_outbox WHERE published_at IS NULL
   ORDER BY id LIMIT $1
   FOR UPDATE SKIP LOCKED`;

// One relay per database publishes at a time, so rows of one key leave in the order they were
// written; a second instance waits on the lock as a hot standby and takes over when the first dies.
const leaderLock = "hashtext('nhip.outbox-relay')";

export class OutboxRelay {
  readonly #options: Required<Omit<OutboxRelayOptions, 'onError'>> & Pick<OutboxRelayOptions, 'onError'>;
  #session: pg.Client | undefined;
  #running = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #pending = false;
  #leader = false;

  constructor(options: OutboxRelayOptions) {
    this.#options = { batchSize: 500, pollIntervalMs: 1000, ...options };
  }

  get isLeader(): boolean {
    return this.#leader;
  }

  async start(): Promise<void> {
    this.#running = true;
    this.#session = new pg.Client({ connectionString: this.#options.connectionString });
    await this.#session.connect();
    this.#session.on('notification', () => this.#signal());
    this.#session.on('error', (error) => this.#options.onError?.(error));
    await this.#session.query('LISTEN es_outbox');
    this.#loop = this.#run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#signal();
    await this.#loop;
    await this.#session?.end().catch(() => undefined);
    this.#leader = false;
  }

  /** Publishes everything unpublished now; returns how many messages went out. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.#publishBatch();
      total += sent;
      if (sent < this.#options.batchSize) return total;
    }
  }

  async #run(): Promise<void> {
    while (this.#running) {
      try {
        if (!this.#leader) this.#leader = await this.#tryLead();
        if (this.#leader) await this.drain();
      } catch (error) {
        this.#options.onError?.(error);
      }
      await this.#sleep();
    }
  }

  async #tryLead(): Promise<boolean> {
    const { rows } = await (this.#session as pg.Client).query<{ ok: boolean }>(
      `SELECT pg_try_advisory_lock(${leaderLock}) AS ok`,
    );
    return rows[0]?.ok === true;
  }

  async #publishBatch(): Promise<number> {
    const client = await this.#options.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<OutboxRow>(claimSql, [this.#options.batchSize]);
      if (rows.length > 0) {
        await this.#options.publisher.publish(rows.map(toKafkaMessage));
        failpoint('relay:after-publish');
        await client.query(
          'UPDATE es_outbox SET published_at = clock_timestamp() WHERE id = ANY($1::bigint[])',
          [rows.map((r) => r.id)],
        );
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  #signal(): void {
    this.#pending = true;
    this.#wake?.();
  }

  async #sleep(): Promise<void> {
    if (this.#pending || !this.#running) {
      this.#pending = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.#leader ? this.#options.pollIntervalMs : 500);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wake = undefined;
    this.#pending = false;
  }
}
