// Configuration read once at start-up; anything missing or malformed stops the service with one
// sentence that says what to set.
/** A class so Nest can inject it by type. */
export class ActivityConfig {
  readonly port: number;
  /** The server's maintenance database URL; the service creates and uses its own database. */
  readonly adminDatabaseUrl: string;
  readonly databaseName: string;
  readonly maxBodyBytes: number;
  /** Reports of activities older than this many days are refused (late reports are normal). */
  readonly lateWindowDays: number;

  constructor(values: ActivityConfig) {
    this.port = values.port;
    this.adminDatabaseUrl = values.adminDatabaseUrl;
    this.databaseName = values.databaseName;
    this.maxBodyBytes = values.maxBodyBytes;
    this.lateWindowDays = values.lateWindowDays;
  }
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ConfigError(`${name}=${env[name] ?? ''} is not a whole number from 1 to ${max}.`);
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ActivityConfig {
  const adminDatabaseUrl = env['DATABASE_URL'] ?? env['NHIP_POSTGRES_ADMIN_URL'];
  if (!adminDatabaseUrl) {
    throw new ConfigError(
      'DATABASE_URL is not set: start the platform with "npm start", or export DATABASE_URL=postgres://…',
    );
  }
  return new ActivityConfig({
    port: positiveInteger(env, 'ACTIVITY_PORT', 3102, 65535),
    adminDatabaseUrl,
    databaseName: env['ACTIVITY_DATABASE'] ?? 'activity',
    // 100,000 NDJSON reports are ~25 MB.
    maxBodyBytes: positiveInteger(env, 'ACTIVITY_MAX_BODY_MB', 64, 1024) * 1024 * 1024,
    lateWindowDays: positiveInteger(env, 'ACTIVITY_LATE_WINDOW_DAYS', 60, 3650),
  });
}
