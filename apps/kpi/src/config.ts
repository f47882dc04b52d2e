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
export const consumerGroup = 'kpi.inputs';

/** A class so Nest can inject it by type. */
export class KpiConfig {
  readonly port: number;
  /** The server's maintenance database URL; the service creates and uses its own database. */
  readonly adminDatabaseUrl: string;
  readonly databaseName: string;
  readonly maxBodyBytes: number;
  /** How often the published values' formula versions are checked against the catalog (ADR 0063). */
  readonly formulaCheckMs: number;
  /** Who signs tokens and for which audience (the development issuer unless configured). */
  readonly auth: AuthConfig;

  constructor(values: KpiConfig) {
    this.port = values.port;
    this.adminDatabaseUrl = values.adminDatabaseUrl;
    this.databaseName = values.databaseName;
    this.maxBodyBytes = values.maxBodyBytes;
    this.formulaCheckMs = values.formulaCheckMs;
    this.auth = values.auth;
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): KpiConfig {
  return new KpiConfig({
    port: positiveInteger(env, 'KPI_PORT', 3104, 65535),
    adminDatabaseUrl: adminDatabaseUrlFrom(env),
    databaseName: env['KPI_DATABASE'] ?? 'kpi',
    maxBodyBytes: positiveInteger(env, 'KPI_MAX_BODY_MB', 4, 1024) * 1024 * 1024,
    formulaCheckMs: positiveInteger(env, 'KPI_FORMULA_CHECK_SECONDS', 60, 86_400) * 1000,
    auth: authConfigFrom(env),
  });
}
