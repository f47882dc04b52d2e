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
export const consumerGroup = 'training.registry-replica';

/** A class so Nest can inject it by type. */
export class TrainingConfig {
  readonly port: number;
  /** The server's maintenance database URL; the service creates and uses its own database. */
  readonly adminDatabaseUrl: string;
  readonly databaseName: string;
  readonly maxBodyBytes: number;
  /** Where the registry answers: phone numbers of a completion list are looked up there, never copied here. */
  readonly registryUrl: string;
  readonly auth: AuthConfig;

  constructor(values: TrainingConfig) {
    this.port = values.port;
    this.adminDatabaseUrl = values.adminDatabaseUrl;
    this.databaseName = values.databaseName;
    this.maxBodyBytes = values.maxBodyBytes;
    this.registryUrl = values.registryUrl;
    this.auth = values.auth;
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): TrainingConfig {
  return new TrainingConfig({
    port: positiveInteger(env, 'TRAINING_PORT', 3103, 65535),
    adminDatabaseUrl: adminDatabaseUrlFrom(env),
    databaseName: env['TRAINING_DATABASE'] ?? 'training',
    // A province's completion list (7,121 lines) is under 1 MB; 16 MB leaves room for a national one.
    maxBodyBytes: positiveInteger(env, 'TRAINING_MAX_BODY_MB', 16, 1024) * 1024 * 1024,
    registryUrl: registryUrlFrom(env),
    auth: authConfigFrom(env),
  });
}

function registryUrlFrom(env: NodeJS.ProcessEnv): string {
  const raw = env['REGISTRY_URL'] ?? `http://127.0.0.1:${env['REGISTRY_PORT'] ?? '3101'}`;
  try {
    return new URL(raw).toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError(
      `REGISTRY_URL "${raw}" is not a URL: set it to where the registry answers, e.g. http://127.0.0.1:3101.`,
    );
  }
}
