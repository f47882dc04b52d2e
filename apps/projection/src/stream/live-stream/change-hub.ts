// Every open stream of this instance, fed from the change log: the consumer's transaction NOTIFYs
// when it commits changes; the hub reads what is new once, serialises each frame once and hands the
// read to every stream, which writes what its scope carries (ADR 0051). A poll backs the notification
// up; a dropped LISTEN session is opened again and read after (change-listener.ts).
import { eventFreshness } from '@nhip/telemetry';
import pg from 'pg';
import { ChangeListener } from './change-listener.ts';
import {
  changesAfter,
  changeTimesAfter,
  horizon,
  lastSeq,
  prune,
  type ChangeTime,
} from './change-log.queries.ts';
import { frameOf, type Frame, type SseConnection } from './sse-connection.ts';

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
  readonly #listener: ChangeListener;
  #pumping: Promise<void> | undefined;
  #again = false;
  #timers: NodeJS.Timeout[] = [];
  #closed = false;
  #closing: Promise<void> | undefined;

  constructor(private readonly options: ChangeHubOptions) {
    this.#listener = new ChangeListener({
      connectionString: options.connectionString,
      channel: options.channel,
      wake: () => this.wake(),
      onError: options.onError,
    });
  }

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
    await this.#listener.start();
    const every = (ms: number, run: () => void) => this.#timers.push(setInterval(run, ms).unref());
    every(pollMs, () => {
      this.wake();
      this.#expire();
    });
    every(this.options.heartbeatMs, () => {
      for (const stream of this.#streams) stream.heartbeat();
    });
    every(pruneEveryMs, () => {
      prune(this.options.pool, this.options.retentionMs).catch((e: unknown) =>
        this.options.onError(e, 'prune'),
      );
    });
  }

  /** Registers a stream until its socket closes; false when it has closed already. */
  add(stream: SseConnection): boolean {
    if (stream.ended) return false;
    this.#streams.add(stream);
    stream.onClose(() => this.#streams.delete(stream));
    return true;
  }

  /** The highest sequence retention deleted: a resume from below it cannot be exact. */
  horizon(): Promise<number> {
    return horizon(this.options.pool);
  }

  /** A failure of this instance's streams, logged where the hub's own are. */
  failed(error: unknown, context: string): void {
    this.options.onError(error, context);
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
    await this.#listener.close();
  }

  async #pump(): Promise<void> {
    for (;;) {
      const read = await this.#read();
      // Checked with no await before handing: a stream that opened after a read without figures
      // may have taken its snapshot below it, so the same changes are read again whole for it.
      if (read.frames === undefined && this.#streams.size > 0) continue;
      if (read.changes.length > 0) this.#hand(read);
      if (read.changes.length < pageSize) return;
    }
  }

  /**
   * The next page of the log, whole (with its frames) while a stream is open. With none open a
   * change's content goes nowhere, so only its position and time are read: the paths and figures
   * were most of what the hub cost behind a bulk upload.
   */
  async #read(): Promise<{ changes: readonly ChangeTime[]; frames?: readonly Frame[] }> {
    const { pool } = this.options;
    if (this.#streams.size === 0) return { changes: await changeTimesAfter(pool, this.#last, pageSize) };
    const changes = await changesAfter(pool, this.#last, pageSize);
    return { changes, frames: changes.map(frameOf) };
  }

  /**
   * Streams whose token expired end, saying so (the client signs in again): one sweep a second over
   * the streams instead of a timer per stream, which at thousands of streams is memory (ADR 0035).
   */
  #expire(now = Date.now()): void {
    for (const stream of this.#streams) {
      if (stream.expiresAt > now) continue;
      stream.end('token-expired');
      this.#streams.delete(stream);
    }
  }

  /** A read of the log to every stream, each frame serialised once, a stream's share in few writes. */
  #hand({ changes, frames = [] }: { changes: readonly ChangeTime[]; frames?: readonly Frame[] }): void {
    for (const stream of this.#streams) stream.offerAll(frames);
    this.#last = changes.at(-1)?.seq ?? this.#last;
    // Measured whether or not a stream is open (with none, after the lighter read: a little sooner
    // than a stream would have had it): how late this instance could show the change, once
    // the whole read has gone to the streams (a read's first changes did not wait for its last before).
    const now = Date.now();
    for (const { eventAt } of changes)
      if (eventAt !== null) eventFreshness.observe({ stage: 'stream' }, Math.max(0, now - eventAt) / 1000);
  }
}
