// What every service's configuration reads the same way. A missing or malformed value stops the
// service with one sentence that says what to set (exitOnStartFailure prints it as it is).

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The PostgreSQL server's maintenance URL; each service creates and uses its own database on it. */
export function adminDatabaseUrlFrom(env: NodeJS.ProcessEnv): string {
  const url = env['DATABASE_URL'] ?? env['NHIP_POSTGRES_ADMIN_URL'];
  if (!url) {
    throw new ConfigError(
      'DATABASE_URL is not set: start the platform with "npm start", or export DATABASE_URL=postgres://…',
    );
  }
  return url;
}

export function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ConfigError(`${name}=${env[name] ?? ''} is not a whole number from 1 to ${max}.`);
  }
  return value;
}
