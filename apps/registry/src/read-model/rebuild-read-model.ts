// Read models are derived: when their shape changes (or they are new beside old events), the
// service rebuilds them from the event store at start-up, before it serves a request.
import { beginningOfLog, PostgresEventStore, type RecordedEvent } from '@nhip/event-sourcing';
import type pg from 'pg';
import { projectTeam } from '../teams/team.projection.ts';
import type { TeamEvent } from '../teams/team.ts';
import { projectUnitTree } from '../units/unit-tree.projection.ts';
import type { UnitTreeEvent } from '../units/unit-tree.ts';
import { projectVillages } from '../units/village.slice.ts';
import type { VillageEvent } from '../units/village.ts';
import { inTransaction, type Tx } from '@nhip/event-sourcing';

/** Bump when a projection changes what it writes: the next start rebuilds every read model. */
export const readModelVersion = 1;

const derivedTables = 'rm_unit_trees, rm_units, rm_unit_lineage, rm_teams, rm_team_members';

export async function rebuildReadModelIfStale(pool: pg.Pool): Promise<{ rebuilt: boolean; events: number }> {
  return inTransaction(pool, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('nhip.registry.read-model'))`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM rm_meta WHERE id = 1');
    if (rows[0]?.version === readModelVersion) return { rebuilt: false, events: 0 };
    await tx.query(`TRUNCATE ${derivedTables}`);
    const events = await replay(tx);
    await tx.query(
      `INSERT INTO rm_meta (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET version = $1`,
      [readModelVersion],
    );
    return { rebuilt: true, events };
  });
}

async function replay(tx: Tx): Promise<number> {
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
  const stream = run[0]?.streamId ?? '';
  const domain = run.map((e) => ({ type: e.type, data: e.data }));
  const tree = /^unit-tree-(.+)$/.exec(stream);
  if (tree?.[1]) return projectUnitTree(tx, tree[1], domain as UnitTreeEvent[]);
  const villages = /^villages-(.+)-(\d{2,5})$/.exec(stream);
  if (villages?.[1]) return projectVillages(tx, villages[1], domain as VillageEvent[]);
  if (stream.startsWith('team-')) {
    // Each event carries its own time, so registered_at and updated_at come out as they were.
    for (const [i, event] of run.entries())
      await projectTeam(tx, [domain[i] as TeamEvent], event.metadata.occurredAt);
  }
  // member-* streams feed no read model: personal data is its own table.
}
