// The hub's LISTEN session, kept open as the outbox relay keeps its own: when PostgreSQL drops it
// (a restart, a failover, pg_terminate_backend) it is opened again with backoff, however long the
// outage, and once back the hub reads the change log from its last sequence, so no stream misses
// what was committed while nobody listened (ADR 0035).
import { backoffMs, ConnectionEpisodes } from '@nhip/postgres';
import pg from 'pg';

export interface ChangeListenerOptions {
  readonly connectionString: string;
  readonly channel: string;
  /** A NOTIFY arrived, or the session is back: read what is new. */
  readonly wake: () => void;
  readonly onError: (error: unknown, context: string) => void;
}

export class ChangeListener {
  #client: pg.Client | undefined;
  #reconnecting = false;
  #closed = false;
  readonly #episodes: ConnectionEpisodes;

  constructor(private readonly options: ChangeListenerOptions) {
    this.#episodes = new ConnectionEpisodes({
      lost: (error) => options.onError(error, 'listen for changes: connection lost, opening it again'),
      back: () => undefined,
    });
  }

  /** Opens the session; a failure here is the caller's (the service does not start without it). */
  async start(): Promise<void> {
    await this.#open();
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#client?.end().catch(() => undefined);
  }

  async #open(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: 'nhip-projection-hub',
      keepAlive: true,
    });
    client.on('notification', () => this.options.wake());
    // A dropped session emits 'error' and 'end' (or only 'end'): either starts one reconnect.
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, new Error('the LISTEN session ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    // Closed while this session was opening (a shutdown during a reconnect): end it, or it would
    // keep the process from exiting.
    if (this.#isClosed()) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    this.#episodes.succeeded();
    // Whatever was committed while nobody listened: read now, not at the next poll.
    this.options.wake();
  }

  #isClosed(): boolean {
    return this.#closed;
  }

  #lost(client: pg.Client, error: unknown): void {
    if (this.#closed || this.#reconnecting || client !== this.#client) return;
    this.#client = undefined;
    this.#episodes.failed(error);
    void this.#reconnect();
  }

  async #reconnect(): Promise<void> {
    this.#reconnecting = true;
    for (let attempt = 1; ; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt, 250)).unref());
      // Closed while waiting: nothing to listen for any more.
      if (this.#isClosed()) break;
      try {
        await this.#open();
        break;
      } catch (error) {
        this.#episodes.failed(error);
      }
    }
    this.#reconnecting = false;
  }
}
