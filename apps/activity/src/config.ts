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
export const consumerGroup = 'activity.registry-replica';

/** A class so Nest can inject it by type. */
export class ActivityConfig {
  readonly port: number;
  /** The server's maintenance database URL; the service creates and uses its own database. */
  readonly adminDatabaseUrl: string;
  readonly databaseName: string;
  readonly maxBodyBytes: number;
  /** A commune officer's reports of activities older than this many days are refused (late reports are normal). */
  readonly lateWindowDays: number;
  /** An operations centre's (district OC, province IOC) reports may be this old (activities/late-window.ts). */
  readonly operationsCentreWindowDays: number;
  /** The issuer whose tokens it accepts (ADR 0022). */
  readonly auth: AuthConfig;

  constructor(values: ActivityConfig) {
    this.port = values.port;
    this.adminDatabaseUrl = values.adminDatabaseUrl;
    this.databaseName = values.databaseName;
    this.maxBodyBytes = values.maxBodyBytes;
    this.lateWindowDays = values.lateWindowDays;
    this.operationsCentreWindowDays = values.operationsCentreWindowDays;
    this.auth = values.auth;
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ActivityConfig {
  return new ActivityConfig({
    port: positiveInteger(env, 'ACTIVITY_PORT', 3102, 65535),
    adminDatabaseUrl: adminDatabaseUrlFrom(env),
    databaseName: env['ACTIVITY_DATABASE'] ?? 'activity',
    // 100,000 NDJSON reports are ~25 MB.
    maxBodyBytes: positiveInteger(env, 'ACTIVITY_MAX_BODY_MB', 64, 1024) * 1024 * 1024,
    lateWindowDays: positiveInteger(env, 'ACTIVITY_LATE_WINDOW_DAYS', 60, 3650),
    operationsCentreWindowDays: positiveInteger(env, 'ACTIVITY_OC_WINDOW_DAYS', 400, 3650),
    auth: authConfigFrom(env),
  });
}
