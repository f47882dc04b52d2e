// A compiled service in a child process on a fresh database of its own, with a small JSON client:
// what every end-to-end spec needs. The database is dropped when the service stops.
import { randomUUID } from 'node:crypto';
import { devToken, personas } from '@nhip/dev-issuer';
import pg from 'pg';
import { DocumentedAnswers } from './documented-answers.ts';
import { postgresAdminUrl } from './index.ts';
import { freePort, lostThePortRace } from './ports.ts';
import { startFixture, type FixtureProcess } from './processes.ts';

export interface Reply<T = unknown> {
  readonly status: number;
  readonly contentType: string;
  readonly headers: Headers;
  readonly body: T;
}

export interface RunningService {
  readonly base: string;
  readonly database: string;
  get<T = unknown>(url: string): Promise<Reply<T>>;
  post<T = unknown>(url: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
  /** The same calls signed in with another token (a role and unit of the spec's choosing). */
  as(token: string): Pick<RunningService, 'get' | 'post'>;
  /** What the current process printed. */
  output(): string;
  /** Stops the process and starts a new one on the same database and port. */
  restart(): Promise<void>;
  sql<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

export interface ServiceSpec {
  /** The file the service runs, e.g. <repo>/`serviceEntry('registry')`. */
  readonly entry: string;
  /** e.g. REGISTRY: the service reads <PREFIX>_PORT and <PREFIX>_DATABASE. */
  readonly envPrefix: string;
  readonly purpose: string;
  readonly env?: Record<string, string>;
  /** The bearer token get/post send (default: the development issuer's admin, who loads trees). */
  readonly token?: string;
  /** Node flags after the services' own, which they override (e.g. a larger old-space ceiling). */
  readonly nodeFlags?: readonly string[];
}

export async function startHttpService(spec: ServiceSpec): Promise<RunningService> {
  const database = `test_${spec.purpose}_${randomUUID().slice(0, 8)}`;
  const launch = (port: number) =>
    startFixture(
      spec.entry,
      {
        DATABASE_URL: postgresAdminUrl(),
        // Kept by restart(), as a supervisor keeps it: the restarted process takes its place back.
        NHIP_INSTANCE_ID: database,
        [`${spec.envPrefix}_PORT`]: String(port),
        [`${spec.envPrefix}_DATABASE`]: database,
        ...spec.env,
      },
      { fromSource: false, nodeFlags: spec.nodeFlags },
    );
  const started = await launchOnAFreePort(launch);
  const port = started.port;
  let service = started.service;
  const base = `http://127.0.0.1:${port}`;
  const signedIn = signedInClient(caller(base));
  const admin = signedIn(spec.token ?? (await devToken(personas.admin)));
  return {
    base,
    database,
    ...admin,
    as: signedIn,
    output: () => service.output(),
    restart: async () => {
      await service.stop();
      service = launch(port);
      await service.ready;
    },
    sql: (text, values = []) => queryDatabase(database, text, values),
    stop: async () => {
      await service.stop();
      await dropDatabase(database);
    },
  };
}

/** Another port when something took the chosen one before the service could listen on it. */
async function launchOnAFreePort(
  launch: (port: number) => FixtureProcess,
): Promise<{ service: FixtureProcess; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const service = launch(port);
    try {
      await service.ready;
      return { service, port };
    } catch (error) {
      if (attempt >= 3 || !lostThePortRace(error)) throw error;
    }
  }
}

function signedInClient(call: ReturnType<typeof caller>) {
  return (token: string): Pick<RunningService, 'get' | 'post'> => {
    const authorization = { authorization: `Bearer ${token}` };
    return {
      get: (url) => call(url, { headers: authorization }),
      post: (url, body, headers = {}) =>
        call(url, {
          method: 'POST',
          headers: {
            ...(raw(body) ? {} : { 'content-type': 'application/json' }),
            ...authorization,
            ...headers,
          },
          body: raw(body) ? body : JSON.stringify(body ?? {}),
        }),
    };
  };
}

const raw = (body: unknown): body is string | Uint8Array =>
  typeof body === 'string' || body instanceof Uint8Array;

/**
 * Requests the way the specs read them: status, content type, and the body parsed when JSON, checked
 * against the schema the service's OpenAPI document gives that answer (documented-answers.ts).
 */
function caller(base: string) {
  const send = async <T>(url: string, init: RequestInit): Promise<Reply<T>> => {
    const response = await fetch(`${base}${url}`, { ...init, signal: AbortSignal.timeout(60_000) });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const body = (contentType.includes('json') ? JSON.parse(text) : text) as T;
    return { status: response.status, contentType, headers: response.headers, body };
  };
  const documented = new DocumentedAnswers(async () => (await send('/docs-json', {})).body);
  return async <T>(url: string, init: RequestInit): Promise<Reply<T>> => {
    const reply = await send<T>(url, init);
    await documented.check({ method: init.method ?? 'GET', url, ...reply });
    return reply;
  };
}

async function queryDatabase<T extends pg.QueryResultRow>(
  database: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function dropDatabase(database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}
