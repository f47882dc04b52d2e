// Every open stream of this instance, fed from the change log: the consumer's transaction NOTIFYs
// when it commits changes; the hub reads what is new once and hands each frame, serialised once, to
// the streams whose scope carries it. A poll backs the notification up (a reconnect can miss one).
import { eventFreshness } from '@nhip/telemetry';
import pg from 'pg';
import { changesAfter, horizon, lastSeq, prune, type ChangeRecord } from './change-log.queries.ts';
import { frameOf, type SseConnection } from './sse-connection.ts';

export interface ChangeHubOptions {
  readonly pool: pg.Pool;
  readonly connectionString: string;
  readonly channel: string;
  readonly retentionMs: number;
  readonly heartbeatMs: number;
  readonly onError: (error: unknown, context: string) => void;
}

const pageSize = 2000;
const pollMs = 1000;
const pruneEveryMs = 60_000;

export class ChangeHub {
  readonly #streams = new Set<SseConnection>();
  #last = 0;
  #listener: pg.Client | undefined;
  #pumping: Promise<void> | undefined;
  #again = false;
  #timers: NodeJS.Timeout[] = [];
  #closed = false;
  #closing: Promise<void> | undefined;

  constructor(private readonly options: ChangeHubOptions) {}

  /** The newest sequence handed to the streams: a fresh stream's snapshot reflects at least this. */
  get last(): number {
    return this.#last;
  }

  get size(): number {
    return this.#streams.size;
  }

  async start(): Promise<void> {
    // Exported from the start (as zero), so the stream's freshness panel has a series before a change.
    eventFreshness.zero({ stage: 'stream' });
    this.#last = await lastSeq(this.options.pool);
    await this.#listen();
    const every = (ms: number, run: () => void) => this.#timers.push(setInterval(run, ms).unref());
    every(pollMs, () => this.wake());
    every(this.options.heartbeatMs, () => {
      for (const stream of this.#streams) stream.heartbeat();
    });
    every(pruneEveryMs, () => {
      prune(this.options.pool, this.options.retentionMs).catch((e: unknown) =>
        this.options.onError(e, 'prune'),
      );
    });
  }

  add(stream: SseConnection): void {
    this.#streams.add(stream);
  }

  remove(stream: SseConnection): void {
    this.#streams.delete(stream);
  }

  /** Whether every change after `seq` is still in the log (else the client needs a fresh snapshot). */
  async canResume(seq: number): Promise<boolean> {
    return seq <= this.#last && seq >= (await horizon(this.options.pool));
  }

  /** Reads what is new; a wake-up during a read runs one more read after it. */
  wake(): void {
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    this.#pumping = this.#pump()
      .catch((error: unknown) => this.options.onError(error, 'read the change log'))
      .finally(() => {
        this.#pumping = undefined;
        if (this.#again && !this.#closed) {
          this.#again = false;
          this.wake();
        }
      });
  }

  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers) clearInterval(timer);
    for (const stream of this.#streams) stream.end('shutting-down');
    this.#streams.clear();
    await this.#pumping;
    await this.#listener?.end().catch(() => undefined);
  }

  async #pump(): Promise<void> {
    for (;;) {
      const changes = await changesAfter(this.options.pool, this.#last, pageSize);
      for (const change of changes) this.#hand(change);
      if (changes.length < pageSize) return;
    }
  }

  /** One change to every stream that carries it, serialised once. */
  #hand(change: ChangeRecord): void {
    const frame = frameOf(change);
    for (const stream of this.#streams) if (stream.carries(change)) stream.offer(frame);
    this.#last = change.seq;
    // Measured whether or not a stream is open: how late this instance could show the change.
    if (change.eventAt !== null)
      eventFreshness.observe({ stage: 'stream' }, Math.max(0, Date.now() - change.eventAt) / 1000);
  }

  async #listen(): Promise<void> {
    if (this.#closed) return;
    const client = new pg.Client({ connectionString: this.options.connectionString });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.options.onError(error, 'listen for changes');
      this.#listener = undefined;
      // The poll keeps streams flowing meanwhile; listening again restores sub-second latency.
      setTimeout(
        () => void this.#listen().catch((e: unknown) => this.options.onError(e, 'listen')),
        1000,
      ).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${this.options.channel}`);
    this.#listener = client;
  }
}
