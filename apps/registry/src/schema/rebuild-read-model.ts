// Read models are derived: when their shape changes (or they are new beside old events), the
// service rebuilds them from the event store at start-up, before it serves a request.
import { beginningOfLog, PostgresEventStore, type RecordedEvent } from '@nhip/event-sourcing';
import type pg from 'pg';
import { teamRebuild } from '../teams/team.aggregate.ts';
import { unitTreeRebuild } from '../unit-trees/unit-tree.aggregate.ts';
import { villageRebuild } from '../villages/village.aggregate.ts';
import type { RebuildHook } from './rebuild-hook.ts';
import { inTransaction, type Tx } from '@nhip/event-sourcing';

/** Bump when a projection changes what it writes: the next start rebuilds every read model. */
export const readModelVersion = 1;

// Member streams feed no read model (personal data is its own table, not derived), so no hook.
const hooks: readonly RebuildHook[] = [unitTreeRebuild, villageRebuild, teamRebuild];

/** Every table the projections write: emptied before a rebuild. */
export const derivedTables: readonly string[] = [...new Set(hooks.flatMap((hook) => hook.tables))];

export async function rebuildReadModelIfStale(pool: pg.Pool): Promise<{ rebuilt: boolean; events: number }> {
  return inTransaction(pool, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('nhip.registry.read-model'))`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM rm_meta WHERE id = 1');
    if (rows[0]?.version === readModelVersion) return { rebuilt: false, events: 0 };
    await tx.query(`TRUNCATE ${derivedTables.join(', ')}`);
    const events = await replay(tx);
    await tx.query(
      `INSERT INTO rm_meta (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET version = $1`,
      [readModelVersion],
    );
    return { rebuilt: true, events };
  });
}

/** Replays every event through the projections into emptied tables. */
export async function replay(tx: Tx): Promise<number> {
  const store = new PostgresEventStore(tx);
  let after = beginningOfLog;
  let count = 0;
  for (;;) {
    const page = await store.readAll(after, 5_000);
    if (page.length === 0) return count;
    for (const run of runsOfOneCommand(page)) await project(tx, run);
    const last = page[page.length - 1] as RecordedEvent;
    after = { txId: last.txId, globalPosition: last.globalPosition };
    count += page.length;
  }
}

// One run per command: the unit-tree projection applies a command's events set-wise (all
// additions, then renames, …), which is only right within one command.
function runsOfOneCommand(page: readonly RecordedEvent[]): RecordedEvent[][] {
  const runs: RecordedEvent[][] = [];
  for (const event of page) {
    const current = runs[runs.length - 1];
    const first = current?.[0];
    if (first?.streamId === event.streamId && first.metadata.causationId === event.metadata.causationId)
      current?.push(event);
    else runs.push([event]);
  }
  return runs;
}

async function project(tx: Tx, run: readonly RecordedEvent[]): Promise<void> {
  const first = run[0];
  const hook = first && hooks.find((h) => first.streamId.startsWith(h.streamPrefix));
  if (!hook) return;
  const events = run.map((e) => ({ type: e.type, data: e.data }));
  await hook.project(tx, events, { streamId: first.streamId, metadata: first.metadata });
}
