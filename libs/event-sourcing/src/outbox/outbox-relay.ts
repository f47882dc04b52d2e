// Publishes outbox rows to Kafka after their transaction commits. At-least-once: a crash between
// the broker's ack and the checkpoint re-sends the batch, and consumers de-duplicate on ce_id.
import { WakeableDelay, type Publisher } from '@nhip/messaging';
import type { OutageLog } from '@nhip/postgres';
import pg from 'pg';
import { failpoint } from '../failpoints.ts';
import type { OutboxRow } from './cloud-events.ts';
import { publishingEpisode, publishRows, PublishFailed } from './outbox-publishing.ts';
import { RelayDatabase, relayName, reportBacklog } from './relay-database.ts';
import { saveCheckpointSql, type Checkpoint } from './outbox.sql.ts';
import { HeldBackWait } from './held-back-wait.ts';

export interface OutboxRelayOptions {
  readonly pool: pg.Pool;
  /** Connection string for the relay's own session (leadership lock and LISTEN). */
  readonly connectionString: string;
  readonly publisher: Publisher;
  readonly batchSize?: number;
  /** Safety net only: appends wake the relay through NOTIFY within a millisecond or two. */
  readonly pollIntervalMs?: number;
  /** How soon to look again while committed rows wait behind an older running transaction. */
  readonly heldBackRetryMs?: number;
  /** Published rows are kept this long (for inspection and replay), then deleted. */
  readonly retainPublishedFor?: string;
  /**
   * Prepended to every topic when publishing (outbox rows keep the logical name): lets several
   * copies of the platform share one broker, e.g. each end-to-end test its own namespace.
   */
  readonly topicPrefix?: string;
  readonly onError?: (error: unknown) => void;
  /** Told once when the relay loses its database and once when it is back (between: backoff). */
  readonly outage?: OutageLog;
}

interface BatchRow extends OutboxRow {
  readonly tx_id: string;
}

const sessionTimeoutMs = 10_000;
const pruneEveryMs = 60_000;

export class OutboxRelay {
  readonly #options: Required<Omit<OutboxRelayOptions, 'onError' | 'outage'>> &
    Pick<OutboxRelayOptions, 'onError'>;
  readonly #db: RelayDatabase;
  #session: pg.Client | undefined;
  #running = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #pending = false;
  #leader = false;
  #lastPrune = 0;
  /** Where publishing stands while this instance leads; reloaded from the table after any error. */
  #cursor: Checkpoint | undefined;
  #broken = false;
  readonly #heldBackWait = new HeldBackWait();
  readonly #publishing;
  readonly #publishBackoff = new WakeableDelay();
  #forgetBacklog: (() => void) | undefined;

  constructor(options: OutboxRelayOptions) {
    this.#options = {
      batchSize: 1000,
      pollIntervalMs: 1000,
      heldBackRetryMs: 5,
      retainPublishedFor: '1 hour',
      topicPrefix: '',
      ...options,
    };
    this.#publishing = publishingEpisode(options.onError);
    this.#db = new RelayDatabase(options.outage);
  }

  /** The broker as publishing sees it: `problem()` is undefined unless sends are failing now. */
  get publishing(): { problem(): string | undefined } {
    return this.#publishing;
  }

  get isLeader(): boolean {
    return this.#leader;
  }

  async start(): Promise<void> {
    this.#running = true;
    await this.#openSession();
    this.#loop = this.#run();
    this.#forgetBacklog = reportBacklog(this.#options.pool, () => this.#leader);
  }

  /** The relay's own connection: leadership lock, LISTEN, checkpoints. Reopened if it breaks. */
  async #openSession(): Promise<void> {
    const session = new pg.Client({
      connectionString: this.#options.connectionString,
      application_name: 'nhip-outbox-relay',
      // A silent path (no RST) must end the session's calls too, so that it is reopened.
      connectionTimeoutMillis: sessionTimeoutMs,
      query_timeout: sessionTimeoutMs,
      keepAlive: true,
    });
    session.on('notification', () => this.#signal());
    session.on('error', (error) => {
      // The lock died with the connection; another instance may lead now.
      this.#broken = true;
      this.#db.lost(error);
    });
    await this.#db.call(async () => {
      await session.connect();
      await session.query('LISTEN es_outbox');
      // Checkpoints are written on this session without waiting for the WAL flush: a checkpoint
      // lost in a database crash only re-sends a batch (at-least-once), and the flush was the tail
      // of commit→consumer latency under load.
      await session.query('SET synchronous_commit = off');
    });
    this.#session = session;
    this.#broken = false;
  }

  async #reopenSession(): Promise<void> {
    this.#leader = false;
    this.#cursor = undefined;
    await this.#session?.end().catch(() => undefined);
    this.#session = undefined;
    await this.#openSession();
  }

  async stop(): Promise<void> {
    this.#forgetBacklog?.();
    this.#running = false;
    this.#signal();
    this.#publishBackoff.wake();
    await this.#loop;
    await this.#session?.end().catch(() => undefined);
    this.#leader = false;
  }

  /**
   * Publishes everything committed and not yet published; returns how many messages went out.
   * Two batches are in flight at once (the idempotent producer keeps their order) while the next
   * is read; the checkpoint moves past a batch only once it and every batch before it are acked.
   */
  async drain(): Promise<number> {
    let cursor = (this.#cursor ??= await this.#db.loadCheckpoint(this.#options.pool));
    let next = this.#read(cursor);
    let previous: Promise<void> = Promise.resolve();
    let total = 0;
    for (;;) {
      const rows = await next;
      const last = rows.at(-1);
      if (!last) break;
      cursor = { txId: last.tx_id, id: last.id };
      next = rows.length < this.#options.batchSize ? Promise.resolve([]) : this.#read(cursor);
      next.catch(() => undefined); // awaited on the next turn; a failure there surfaces then
      const sent = publishRows(this.#options.publisher, rows, this.#options.topicPrefix, this.#publishing);
      sent.catch(() => undefined); // awaited through `settled`
      const settled = this.#checkpointAfter(sent, previous, cursor);
      settled.catch(() => undefined); // awaited below or on the next turn; never left unhandled
      await previous; // at most two batches outstanding
      previous = settled;
      total += rows.length;
    }
    await previous;
    this.#cursor = cursor;
    this.#heldBackWait.after(await this.#db.heldBack(this.#options.pool, cursor), total, this.#options);
    return total;
  }

  async #checkpointAfter(sent: Promise<void>, previous: Promise<void>, cursor: Checkpoint): Promise<void> {
    await sent;
    await previous;
    failpoint('relay:after-publish');
    await this.#db.call(() =>
      (this.#session as pg.Client).query({
        name: 'nhip_outbox_checkpoint',
        text: saveCheckpointSql,
        values: [relayName, cursor.txId, cursor.id],
      }),
    );
  }

  async #run(): Promise<void> {
    while (this.#running) {
      let backoff: number | undefined;
      try {
        await this.#turn();
      } catch (error) {
        this.#cursor = undefined;
        this.#heldBackWait.reset(); // a failing turn waits its backoff or poll, not the short retry
        // A lost database is logged once per outage and retried with backoff; a broker outage is
        // reported once and waits out its own backoff; anything else is reported as before.
        backoff = this.#db.retryDelayAfter(error);
        if (backoff === undefined) await this.#failed(error);
        else this.#broken = true; // the session most likely went with it: open a fresh one
      }
      await this.#sleep(backoff);
    }
  }

  /** A broker outage is reported once and retried with backoff, not on every NOTIFY. */
  async #failed(error: unknown): Promise<void> {
    if (!(error instanceof PublishFailed)) {
      this.#options.onError?.(error);
      return;
    }
    await this.#publishBackoff.wait(this.#publishing.failed(error.cause));
  }

  async #turn(): Promise<void> {
    if (this.#broken || !this.#session) await this.#reopenSession();
    if (!this.#leader) this.#leader = await this.#db.tryLead(this.#session as pg.Client);
    if (this.#leader) {
      await this.drain();
      await this.#pruneNowAndThen();
    }
  }

  #read(after: Checkpoint): Promise<BatchRow[]> {
    return this.#db.readBatch<BatchRow>(this.#options.pool, after, this.#options.batchSize);
  }

  async #pruneNowAndThen(): Promise<void> {
    if (Date.now() - this.#lastPrune < pruneEveryMs) return;
    this.#lastPrune = Date.now();
    await this.#db.prune(this.#options.pool, this.#options.retainPublishedFor);
  }

  #signal(): void {
    this.#pending = true;
    this.#wake?.();
  }

  /** Until the next poll, a NOTIFY or stop(); after a lost database, `backoffMs` (no NOTIFY then). */
  async #sleep(backoffMs?: number): Promise<void> {
    if (!this.#running || (this.#pending && backoffMs === undefined)) {
      this.#pending = false;
      return;
    }
    const ms = backoffMs ?? (this.#leader ? (this.#heldBackWait.ms ?? this.#options.pollIntervalMs) : 500);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wake = undefined;
    this.#pending = false;
  }
}
