// Configuration read once at start-up; anything missing or malformed stops the service with one
// sentence that says what to set.
// The configuration readers alone: migrate.ts runs type-stripped, where the Nest edge cannot load.
import { authConfigFrom, type AuthConfig } from '@nhip/auth/config';
import { adminDatabaseUrlFrom, ConfigError, positiveInteger } from '@nhip/service-http/config';

export interface RegistryConfig {
  readonly port: number;
  /** The server's maintenance database URL; the service creates and uses its own database on it. */
  readonly adminDatabaseUrl: string;
  readonly databaseName: string;
  readonly maxBodyBytes: number;
  /** The issuer whose tokens it accepts (ADR 0022). */
  readonly auth: AuthConfig;
}

export { ConfigError };

export function readConfig(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  return {
    port: positiveInteger(env, 'REGISTRY_PORT', 3101, 65535),
    adminDatabaseUrl: adminDatabaseUrlFrom(env),
    databaseName: env['REGISTRY_DATABASE'] ?? 'registry',
    maxBodyBytes: 5 * 1024 * 1024,
    auth: authConfigFrom(env),
  };
}
