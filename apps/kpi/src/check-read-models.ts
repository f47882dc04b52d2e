// Shipped as `node dist/check-read-models.js`: the fault suite's check (d) for the KPI service
// (docs/adr/0020). Reads the events the registry, training and activity stores committed (their
// outbox rows, one JSON object a line on stdin, each store in commit order) and prints, as one JSON
// line, the rollup cells beside a recomputation from them (ledger/recompute.ts): a message lost or
// counted twice on the way through the broker shows as a difference.
import { createInterface } from 'node:readline';
import type { IncomingEvent } from '@nhip/event-sourcing';
import { ensureDatabase } from '@nhip/postgres';
import pg from 'pg';
import { readConfig } from './config.ts';
import { compareWithRecomputation } from './ledger/recompute.ts';

interface CommittedMessage {
  readonly message_id: string;
  readonly type: string;
  readonly source: string;
  readonly subject: string | null;
  readonly time: string | null;
  readonly data: unknown;
}

async function readStdin(): Promise<IncomingEvent[]> {
  const events: IncomingEvent[] = [];
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === '') continue;
    const m = JSON.parse(line) as CommittedMessage;
    const message = {
      topic: '',
      partition: 0,
      offset: 0n,
      key: null,
      value: Buffer.alloc(0),
      headers: {},
      timestamp: new Date(0),
    };
    events.push({
      id: m.message_id,
      type: m.type,
      source: m.source,
      subject: m.subject ?? undefined,
      time: m.time ? new Date(m.time).toISOString() : undefined,
      traceparent: undefined,
      data: m.data,
      message,
    });
  }
  return events;
}

async function main(): Promise<void> {
  const config = readConfig();
  const events = await readStdin();
  const pool = new pg.Pool({
    connectionString: await ensureDatabase(config.adminDatabaseUrl, config.databaseName),
    max: 1,
  });
  try {
    const table = await compareWithRecomputation(pool, events);
    // Data for the fault suite to read, not a log line.
    // eslint-disable-next-line no-restricted-properties
    process.stdout.write(`${JSON.stringify({ service: 'kpi', tables: [table] })}\n`);
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
