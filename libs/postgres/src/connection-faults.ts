// What a service does when the path to its database breaks: tell a lost connection from a failed
// statement, log an outage once when it starts and once when it ends (not once per client or per
// retry), and wait longer between attempts the longer it lasts (docs/adr/0018).
import type pg from 'pg';

// Errors that say "the database is not there (now)", not "this statement is wrong": node socket
// errors, pg's own connection messages, SQLSTATE class 08 (connection exception) and the server
// shutting down (57P01 admin, 57P02 crash, 57P03 cannot connect now).
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const serverCodes = new Set(['57P01', '57P02', '57P03']);
const clientMessages = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'Connection ended unexpectedly',
];

const isConnectionCode = (code: unknown): boolean =>
  typeof code === 'string' && (socketCodes.has(code) || serverCodes.has(code) || code.startsWith('08'));

/**
 * The error and those it wraps: TypeORM wraps the driver's error in driverError, others in cause.
 * Objects, not only `Error`s: errors made by another realm (node core seen from a vm) fail
 * `instanceof Error`. Eight levels deep at most, so a chain that loops back ends.
 */
export function* driverErrorsWithin(error: unknown, depth = 0): Generator<object> {
  if (typeof error !== 'object' || error === null || depth > 8) return;
  yield error;
  const { cause, driverError } = error as { cause?: unknown; driverError?: unknown };
  for (const inner of [cause, driverError]) if (inner !== error) yield* driverErrorsWithin(inner, depth + 1);
}

function saysConnection(error: object): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (isConnectionCode(code)) return true;
  return typeof message === 'string' && clientMessages.some((m) => message.includes(m));
}

export function isConnectionError(error: unknown): boolean {
  for (const within of driverErrorsWithin(error)) if (saysConnection(within)) return true;
  return false;
}

/** Delay before retry `attempt` (1, 2, …): 0.5 s doubling, at most 5 s (as FaultEpisode's, for its reasons). */
export function backoffMs(attempt: number, firstMs = 500, maxMs = 5_000): number {
  return Math.min(maxMs, firstMs * 2 ** Math.max(0, attempt - 1));
}

export interface OutageLog {
  lost(error: unknown): void;
  back(downForMs: number): void;
}

/** One outage = from the first failure to the next success; reported once at each end. */
export class ConnectionEpisodes {
  readonly #log: OutageLog;
  #since: number | undefined;
  #failures = 0;

  constructor(log: OutageLog) {
    this.#log = log;
  }

  get down(): boolean {
    return this.#since !== undefined;
  }

  /** Failures in the current outage (0 when up): the retry attempt number for backoffMs. */
  get failures(): number {
    return this.#failures;
  }

  failed(error: unknown): void {
    this.#failures++;
    if (this.#since !== undefined) return;
    this.#since = Date.now();
    this.#log.lost(error);
  }

  succeeded(): void {
    if (this.#since === undefined) return;
    const downFor = Date.now() - this.#since;
    this.#since = undefined;
    this.#failures = 0;
    this.#log.back(downFor);
  }
}

/**
 * A pg client emits 'error' when its connection breaks. The pool listens while the client is idle
 * and stops listening while it is checked out, so a break in the middle of a transaction is an
 * unhandled 'error' event that ends the process (the crash of issue 10). Every client the pool
 * hands out gets a listener of its own; the query in flight still rejects and its caller sees it.
 */
export function guardPool(pool: pg.Pool, episodes: ConnectionEpisodes): void {
  const guarded = new WeakSet<pg.PoolClient>();
  pool.on('error', (error) => episodes.failed(error));
  pool.on('acquire', (client) => {
    if (guarded.has(client)) return;
    guarded.add(client);
    client.on('error', (error) => episodes.failed(error));
  });
  // A client given back with its error (a query that timed out on a silent path, a transaction cut
  // off): the only sign of an outage that breaks no socket.
  pool.on('release', (error: Error | undefined) => {
    if (error !== undefined && isConnectionError(error)) episodes.failed(error);
  });
  // A new connection opened: the server is back.
  pool.on('connect', () => episodes.succeeded());
}

/** Readiness: the pool reaches the database within `timeoutMs`, or the reason why not. */
export async function probeDatabase(pool: pg.Pool, timeoutMs = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  const query = pool.query('SELECT 1');
  query.catch(() => undefined); // a late failure after the timeout is already reported
  try {
    await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface DatabaseTimeouts {
  readonly connectTimeoutMs?: number;
  readonly queryTimeoutMs?: number;
}

/**
 * NHIP_DB_CONNECT_TIMEOUT_MS (how long a request waits for a connection) and NHIP_DB_QUERY_TIMEOUT_MS
 * (client-side bound on one statement; unset: none, as a bulk import may run long).
 */
export function databaseTimeoutsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTimeouts {
  const read = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`${name} must be a positive number of milliseconds, not "${raw}".`);
    return value;
  };
  const connectTimeoutMs = read('NHIP_DB_CONNECT_TIMEOUT_MS');
  const queryTimeoutMs = read('NHIP_DB_QUERY_TIMEOUT_MS');
  return {
    ...(connectTimeoutMs === undefined ? {} : { connectTimeoutMs }),
    ...(queryTimeoutMs === undefined ? {} : { queryTimeoutMs }),
  };
}
