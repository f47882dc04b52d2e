// Check (d) of the fault suite for the KPI service (docs/adr/0020, issue 13): every total beside a
// recomputation straight from the events the three stores committed (registry, training,
// activity), made by this service's own input code on emptied tables inside a transaction that is
// rolled back. Cells are compared where they are not 0: a cell the live consumer took to 0 over
// two batches is still a row, one batch of the replay never writes it.
import type { TableComparison } from '@nhip/event-sourcing';
import { inTransaction, type IncomingEvent, type Tx } from '@nhip/event-sourcing';
import type pg from 'pg';
import { countActivities, isActivityType } from '../inputs/count-activity/index.ts';
import { countTraining, isTrainingType } from '../inputs/count-training/index.ts';
import { followRegistry, isRegistryType } from '../inputs/follow-registry/index.ts';

/** Everything the inputs derive; targets and statistics come through the API, not the stores. */
const derivedTables = [
  'kpi_unit_trees',
  'kpi_units',
  'kpi_unit_lineage',
  'kpi_deltas',
  'kpi_rollups',
  'kpi_activity_facts',
  'kpi_orphan_changes',
  'kpi_teams',
  'kpi_team_members',
  'kpi_trained_members',
  'kpi_villages',
  'kpi_published',
];

const cellsSql = `SELECT unit_code || '|' || metric || '|' || period || '|' || value AS r FROM kpi_rollups WHERE value <> 0`;

type Input = (events: readonly IncomingEvent[], tx: Tx) => Promise<void>;
const inputOf = (type: string): Input | undefined =>
  isRegistryType(type)
    ? followRegistry
    : isTrainingType(type)
      ? countTraining
      : isActivityType(type)
        ? countActivities
        : undefined;

/** Runs of consecutive events for one input, at most `size` long, as the consumer gets batches. */
async function replay(events: readonly IncomingEvent[], tx: Tx, size = 500): Promise<void> {
  let run: IncomingEvent[] = [];
  let input: Input | undefined;
  const flush = async () => {
    if (input && run.length > 0) await input(run, tx);
    run = [];
  };
  for (const event of events) {
    const next = inputOf(event.type);
    if (next !== input || run.length >= size) await flush();
    input = next;
    run.push(event);
  }
  await flush();
}

class RolledBack extends Error {}

export async function compareWithRecomputation(
  pool: pg.Pool,
  events: readonly IncomingEvent[],
): Promise<TableComparison> {
  let result: TableComparison | undefined;
  await inTransaction(pool, async (tx) => {
    await tx.query(`CREATE TEMP TABLE live_cells ON COMMIT DROP AS ${cellsSql}`);
    await tx.query(`TRUNCATE ${derivedTables.join(', ')}`);
    await replay(events, tx);
    const { rows } = await tx.query<Record<'live' | 'rebuilt' | 'missing' | 'extra', number>>(
      `SELECT (SELECT count(*) FROM live_cells)::int AS live,
              (SELECT count(*) FROM (${cellsSql}) c)::int AS rebuilt,
              (SELECT count(*) FROM (${cellsSql} EXCEPT ALL SELECT r FROM live_cells) m)::int AS missing,
              (SELECT count(*) FROM (SELECT r FROM live_cells EXCEPT ALL ${cellsSql}) e)::int AS extra`,
    );
    const row = rows[0] ?? { live: 0, rebuilt: 0, missing: 0, extra: 0 };
    result = {
      table: 'kpi_rollups',
      liveRows: row.live,
      rebuiltRows: row.rebuilt,
      missing: row.missing,
      extra: row.extra,
    };
    throw new RolledBack();
  }).catch((error: unknown) => {
    if (!(error instanceof RolledBack)) throw error;
  });
  if (!result) throw new Error('The recomputation did not run.');
  return result;
}
