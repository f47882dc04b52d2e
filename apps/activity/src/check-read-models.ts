// Shipped as `node dist/check-read-models.js`: the fault suite's check (d) for the activity service
// (docs/adr/0020). Prints, as one JSON line, each read-model table beside a rebuild made by the same
// projections in a transaction that is rolled back (the live tables are never changed): campaigns
// from this service's event store; the registry replica from the registry's public events as the
// registry's store committed them (its outbox rows, one JSON object a line on stdin), so a message
// lost or applied twice on the way through the broker shows as a difference.
import { createInterface } from 'node:readline';
import {
  beginningOfLog,
  compareWithRebuild,
  PostgresEventStore,
  type IncomingEvent,
  type Tx,
} from '@nhip/event-sourcing';
import { ensureDatabase } from '@nhip/postgres';
import pg from 'pg';
import { projectCampaigns } from './campaigns/campaign-catalog/index.ts';
import type { CampaignEvent } from './campaigns/campaign.ts';
import { readConfig } from './config.ts';
import { applyToReplica, isReplicaType } from './registry-replica/follow-registry/index.ts';

interface CommittedMessage {
  readonly message_id: string;
  readonly type: string;
  readonly source: string;
  readonly subject: string | null;
  readonly data: unknown;
}

const replicaTables = ['replica_unit_trees', 'replica_units', 'replica_teams', 'replica_team_members'];

async function readStdin(): Promise<IncomingEvent[]> {
  const events: IncomingEvent[] = [];
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === '') continue;
    const m = JSON.parse(line) as CommittedMessage;
    if (!isReplicaType(m.type)) continue;
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
      time: undefined,
      traceparent: undefined,
      data: m.data,
      message,
    });
  }
  return events;
}

async function replayCampaigns(tx: Tx): Promise<void> {
  const store = new PostgresEventStore(tx);
  for (let after = beginningOfLog; ;) {
    const page = await store.readAll(after, 5_000);
    const last = page.at(-1);
    if (!last) return;
    const defined = page.filter((e) => e.streamId.startsWith('campaign-')) as unknown as CampaignEvent[];
    await projectCampaigns(tx, defined);
    after = { txId: last.txId, globalPosition: last.globalPosition };
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const registryEvents = await readStdin();
  const pool = new pg.Pool({
    connectionString: await ensureDatabase(config.adminDatabaseUrl, config.databaseName),
    max: 1,
  });
  try {
    const tables = await compareWithRebuild(pool, ['rm_campaigns', ...replicaTables], async (tx) => {
      await replayCampaigns(tx);
      await applyToReplica(registryEvents, tx);
    });
    // Data for the fault suite to read, not a log line.
    // eslint-disable-next-line no-restricted-properties
    process.stdout.write(`${JSON.stringify({ service: 'activity', tables })}\n`);
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
