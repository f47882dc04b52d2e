// Configuration read once at start-up; anything missing or malformed stops the service with one
// sentence that says what to set.
export interface RegistryConfig {
  readonly port: number;
  /** The server's maintenance database URL; the service creates and uses its own database on it. */
  readonly adminDatabaseUrl: string;
  readonly databaseName: string;
  readonly maxBodyBytes: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  const adminDatabaseUrl = env['DATABASE_URL'] ?? env['NHIP_POSTGRES_ADMIN_URL'];
  if (!adminDatabaseUrl) {
    throw new ConfigError(
      'DATABASE_URL is not set: start the platform with "npm start", or export DATABASE_URL=postgres://…',
    );
  }
  const port = Number(env['REGISTRY_PORT'] ?? 3101);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`REGISTRY_PORT=${env['REGISTRY_PORT'] ?? ''} is not a port number (1–65535).`);
  }
  return {
    port,
    adminDatabaseUrl,
    databaseName: env['REGISTRY_DATABASE'] ?? 'registry',
    maxBodyBytes: 5 * 1024 * 1024,
  };
}
