// A benchmark leaves nothing behind on the shared broker and server: `npm start` lists topics and
// databases, and a user should not find bench.* or bench_* among them. Called from `finally`.
import type { TopicAdmin } from '@nhip/messaging';
import pg from 'pg';

/** Deletes every topic whose name starts with `prefix` (a prefix unique to this run). */
export async function removeTopics(admin: TopicAdmin, prefix: string): Promise<string[]> {
  const ours = (await admin.listTopics()).filter((name) => name.startsWith(prefix));
  await admin.deleteTopics(ours);
  return ours;
}

export async function dropDatabases(adminUrl: string, names: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of names) {
      if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Not a database name: ${name}`);
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

/** Runs every step even when one fails; reports the failures together. */
export async function cleanUp(steps: readonly (() => Promise<unknown>)[]): Promise<void> {
  const failed: unknown[] = [];
  for (const step of steps) await step().catch((error: unknown) => failed.push(error));
  if (failed.length > 0) throw new AggregateError(failed, 'Cleaning up after the benchmark failed');
}
