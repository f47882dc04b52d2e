// Shipped as `node dist/check-read-models.js`: the fault suite's check (d) for the registry
// (docs/adr/0020). Prints, as one JSON line, each read-model table beside a rebuild from the event
// store by the same projections, made in a transaction that is rolled back; the live tables are
// never changed. Reads REGISTRY_DATABASE and DATABASE_URL as the service does.
import { compareWithRebuild } from '@nhip/event-sourcing';
import { ensureDatabase } from '@nhip/postgres';
import pg from 'pg';
import { readConfig } from './config.ts';
import { derivedTables, replay } from './schema/rebuild-read-model.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const pool = new pg.Pool({
    connectionString: await ensureDatabase(config.adminDatabaseUrl, config.databaseName),
    max: 1,
  });
  try {
    const tables = await compareWithRebuild(pool, derivedTables, async (tx) => {
      await replay(tx);
    });
    // Data for the fault suite to read, not a log line.
    // eslint-disable-next-line no-restricted-properties
    process.stdout.write(`${JSON.stringify({ service: 'registry', tables })}\n`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  // eslint-disable-next-line no-restricted-properties
  process.stderr.write(
    `check-read-models failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
