// Configuration read once at start-up; anything missing or malformed stops the service with one
// sentence that says what to set.
// The configuration readers alone: migrate.ts runs type-stripped, where the Nest edge cannot load.
import { authConfigFrom, type AuthConfig } from '@nhip/auth/config';
import { adminDatabaseUrlFrom, ConfigError, positiveInteger } from '@nhip/service-http/config';

export { ConfigError };

/**
 * The consumer group the service reads its input topics in (main.ts); its dead-letter command
 * (dead-letters.ts) shows and re-drives this group's letters.
 */
export const consumerGroup = 'projection.inputs';

/** A class so Nest can inject it by type. */
export class ProjectionConfig {
  readonly port: number;
  /** The server's maintenance database URL; the service creates and uses its own database. */
  readonly adminDatabaseUrl: string;
  readonly databaseName: string;
  readonly maxBodyBytes: number;
  readonly auth: AuthConfig;
  /** Where the KPI service answers: series and explain are its answers, passed through. */
  readonly kpiUrl: string;
  /** Where the registry answers: the dashboard's unit search and unit lookups, passed through. */
  readonly registryUrl: string;
  /** How long a change stays replayable by Last-Event-ID; older resumes get a reset and a snapshot. */
  readonly retentionMs: number;
  /** Frames a stream may have queued (unsent) before it is coalesced, then ended as too slow. */
  readonly maxQueuedFrames: number;
  readonly heartbeatMs: number;

  constructor(values: ProjectionConfig) {
    this.port = values.port;
    this.adminDatabaseUrl = values.adminDatabaseUrl;
    this.databaseName = values.databaseName;
    this.maxBodyBytes = values.maxBodyBytes;
    this.auth = values.auth;
    this.kpiUrl = values.kpiUrl;
    this.registryUrl = values.registryUrl;
    this.retentionMs = values.retentionMs;
    this.maxQueuedFrames = values.maxQueuedFrames;
    this.heartbeatMs = values.heartbeatMs;
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ProjectionConfig {
  return new ProjectionConfig({
    port: positiveInteger(env, 'PROJECTION_PORT', 3105, 65535),
    adminDatabaseUrl: adminDatabaseUrlFrom(env),
    databaseName: env['PROJECTION_DATABASE'] ?? 'projection',
    maxBodyBytes: 64 * 1024,
    auth: authConfigFrom(env),
    kpiUrl: serviceUrlFrom(env, ['KPI', 'the KPI service', '3104']),
    registryUrl: serviceUrlFrom(env, ['REGISTRY', 'the registry', '3101']),
    retentionMs: positiveInteger(env, 'PROJECTION_RETENTION_MINUTES', 60, 7 * 24 * 60) * 60_000,
    maxQueuedFrames: positiveInteger(env, 'PROJECTION_MAX_QUEUED_FRAMES', 1000, 1_000_000),
    heartbeatMs: positiveInteger(env, 'PROJECTION_HEARTBEAT_SECONDS', 15, 3600) * 1000,
  });
}

function serviceUrlFrom(env: NodeJS.ProcessEnv, [name, what, port]: [string, string, string]): string {
  const raw = env[`${name}_URL`] ?? `http://127.0.0.1:${env[`${name}_PORT`] ?? port}`;
  try {
    return new URL(raw).toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError(
      `${name}_URL "${raw}" is not a URL: set it to where ${what} answers, e.g. http://127.0.0.1:${port}.`,
    );
  }
}
