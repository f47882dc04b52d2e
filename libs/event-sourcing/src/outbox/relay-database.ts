// The relay's side of a database outage: which of its failures came from the database (not the
// broker), logged once per outage, and how long to wait before the next try (docs/adr/0018).
import { backoffMs, ConnectionEpisodes, isConnectionError, type OutageLog } from '@nhip/postgres';
import { outboxBacklogs } from '@nhip/telemetry';
import type pg from 'pg';
import {
  backlogSql,
  heldBackSql,
  loadCheckpointSql,
  pendingSql,
  pruneSql,
  readBatchSql,
  type Checkpoint,
} from './outbox.sql.ts';

// One relay per database publishes at a time, so rows of one key leave in the order they were
// written; a second instance waits on the lock as a hot standby and takes over when the first dies.
const leaderLock = "hashtext('nhip.outbox-relay')";
export const relayName = 'outbox';

const silent: OutageLog = { lost: () => undefined, back: () => undefined };

export class RelayDatabase {
  readonly #episodes: ConnectionEpisodes;
  /** Errors thrown by a database call, so a broker's ECONNREFUSED is never taken for one. */
  readonly #fromDatabase = new WeakSet<object>();

  constructor(log: OutageLog = silent) {
    this.#episodes = new ConnectionEpisodes(log);
  }

  /**
   * Runs one database call, remembering its error as the database's. The first call that succeeds
   * after an outage ends it ("back" is told then, before the backlog drains, not after the turn).
   */
  async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      this.#episodes.succeeded();
      return result;
    } catch (error) {
      if (typeof error === 'object' && error !== null) this.#fromDatabase.add(error);
      throw error;
    }
  }

  async tryLead(session: pg.Client): Promise<boolean> {
    const { rows } = await this.call(() =>
      session.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(${leaderLock}) AS ok`),
    );
    return rows[0]?.ok === true;
  }

  async loadCheckpoint(pool: pg.Pool): Promise<Checkpoint> {
    const { rows } = await this.call(() => pool.query<Checkpoint>(loadCheckpointSql, [relayName]));
    return rows[0] ?? { txId: '0', id: '0' };
  }

  async readBatch<R extends pg.QueryResultRow>(pool: pg.Pool, after: Checkpoint, size: number): Promise<R[]> {
    const values = [after.txId, after.id, size];
    const read = () => pool.query<R>({ name: 'nhip_outbox_read', text: readBatchSql, values });
    return (await this.call(read)).rows;
  }

  async prune(pool: pg.Pool, retainPublishedFor: string): Promise<void> {
    await this.call(() => pool.query(pruneSql, [relayName, retainPublishedFor]));
  }

  /** Whether committed rows wait after `after`, behind an older transaction still running. */
  async heldBack(pool: pg.Pool, after: Checkpoint): Promise<boolean> {
    const values = [after.txId, after.id];
    const read = () => pool.query<{ held: boolean }>({ name: 'nhip_outbox_held', text: heldBackSql, values });
    return (await this.call(read)).rows[0]?.held === true;
  }

  lost(error: unknown): void {
    this.#episodes.failed(error);
  }

  /** The wait before the next turn when `error` is a lost database; undefined for any other error. */
  retryDelayAfter(error: unknown): number | undefined {
    const fromDatabase = typeof error === 'object' && error !== null && this.#fromDatabase.has(error);
    if (!fromDatabase || !isConnectionError(error)) return undefined;
    this.#episodes.failed(error);
    return backoffMs(this.#episodes.failures);
  }
}

/** Outbox rows committed but not yet published (all topics, or one). */
export async function pendingOutboxCount(db: Pick<pg.Pool, 'query'>, topic?: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(pendingSql, [relayName, topic ?? null]);
  return Number(rows[0]?.n ?? 0);
}

/** What waits in the outbox, for the relay's metrics (nhip_outbox_pending_messages and age). */
export async function outboxBacklog(
  db: Pick<pg.Pool, 'query'>,
): Promise<{ pending: number; oldestAgeSeconds: number }> {
  const { rows } = await db.query<{ pending: number; oldestAgeSeconds: number }>(backlogSql, [relayName]);
  return rows[0] ?? { pending: 0, oldestAgeSeconds: 0 };
}

let relays = 0;

/**
 * Reports the backlog at each /metrics scrape until the returned function is called; only while
 * this relay leads, so standby instances of a service do not count the same rows again.
 */
export function reportBacklog(pool: Pick<pg.Pool, 'query'>, leads: () => boolean): () => void {
  return outboxBacklogs.watch(`relay-${++relays}`, () =>
    leads() ? outboxBacklog(pool) : Promise.reject(new Error('standby relay')),
  );
}
