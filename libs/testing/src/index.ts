// What integration tests use to reach the real servers the Jest global setup started.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { ensureDatabase } from '@nhip/postgres';
import pg from 'pg';

export function kafkaBrokers(): string[] {
  const brokers = process.env['KAFKA_BROKERS'];
  if (!brokers)
    throw new Error('KAFKA_BROKERS is unset: integration tests run through the Jest global setup.');
  return brokers.split(',');
}

export function postgresAdminUrl(): string {
  const url = process.env['NHIP_POSTGRES_ADMIN_URL'] ?? process.env['DATABASE_URL'];
  if (!url) throw new Error('No PostgreSQL URL: integration tests run through the Jest global setup.');
  return url;
}

/** A database of the test's own, so tests never see each other's rows. */
export function testDatabase(purpose: string): Promise<string> {
  return ensureDatabase(postgresAdminUrl(), `test_${purpose}`);
}

/**
 * A topic name no earlier run has used, so leftover messages never leak into a test. It is written
 * to the run's list, and the run deletes it when it ends (tools/test/global-teardown.ts).
 */
export function uniqueTopic(purpose: string): string {
  return recordedTopics(`test.${purpose}.${randomUUID().slice(0, 8)}`);
}

/** A topic namespace (NHIP_TOPIC_PREFIX) of its own for the services a spec starts; deleted likewise. */
export function uniqueTopicPrefix(): string {
  return recordedTopics(`t${randomUUID().slice(0, 8)}.`);
}

/**
 * The topics (a name, or a namespace ending in ".") this run created, one per line in the file the
 * global setup names in NHIP_TEST_TOPICS: test files run in worker processes, so the list is a
 * file they all append to. Without one (a script, not a test run), nothing is recorded.
 */
function recordedTopics(nameOrPrefix: string): string {
  const list = process.env['NHIP_TEST_TOPICS'];
  if (list) fs.appendFileSync(list, `${nameOrPrefix}\n`);
  return nameOrPrefix;
}

/** The server versions the global setup found, for test names and reports. */
export function serverVersions(): { kafka: string; postgres: string } {
  return {
    kafka: process.env['NHIP_KAFKA_VERSION'] ?? 'unknown',
    postgres: process.env['NHIP_POSTGRES_VERSION'] ?? 'unknown',
  };
}

/** Polls until `check` holds; for waiting on asynchronous consumers without fixed sleeps. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 15_000, intervalMs = 50 } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export { startFixture, stopAllFixtures, type FixtureProcess } from './processes.ts';
export { freePort } from './ports.ts';
export { builtService, startBuiltService } from './built-service.ts';
export { startHttpService, type Reply, type RunningService, type ServiceSpec } from './http-service.ts';
export { DocumentedAnswers } from './documented-answers.ts';

/** A database emptied for this run: for tests of what a service does with the database it finds. */
export async function freshTestDatabase(purpose: string): Promise<string> {
  const name = `test_${purpose}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  return ensureDatabase(postgresAdminUrl(), name);
}
export { schemaShape, tableContents } from './database-snapshot.ts';
export { affiliationOf, memberName, pilotCommunes, teamSizes, type PilotCommune } from './pilot.ts';
export { previousReleaseEventStoreDdl } from './previous-release-event-store.ts';
export { migrationHarness, type MigrationHarness } from './migration-harness.ts';
export { bearer, personas, tokenFor } from './sign-in.ts';
export { registerTeam, registerVillage, villageWithTeam } from './registry-writes.ts';
