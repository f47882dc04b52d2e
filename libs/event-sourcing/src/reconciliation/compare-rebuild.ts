// Check (d) of the fault suite's ledger (docs/adr/0020): a read model equals what a rebuild from
// the events makes of it. The live rows are copied aside, the tables emptied and rebuilt by the
// service's own projections, the two compared as multisets of rows, and everything rolled back:
// the live tables are never changed, and a service may keep running (its writers wait on the lock).
import type pg from 'pg';
import { inTransaction, type Tx } from '../command/transaction.ts';

export interface TableComparison {
  readonly table: string;
  readonly liveRows: number;
  readonly rebuiltRows: number;
  /** Rows the rebuild makes that the live table lacks: a lost event. */
  readonly missing: number;
  /** Rows the live table has beyond the rebuild: an event applied twice, or one never stored. */
  readonly extra: number;
}

const rowsAsText = (table: string): string => `SELECT to_jsonb(t)::text AS r FROM ${table} t`;

export async function compareWithRebuild(
  pool: pg.Pool,
  tables: readonly string[],
  rebuild: (tx: Tx) => Promise<void>,
): Promise<TableComparison[]> {
  let result: TableComparison[] = [];
  await inTransaction(pool, async (tx) => {
    for (const [i, table] of tables.entries())
      await tx.query(`CREATE TEMP TABLE live_${i} ON COMMIT DROP AS ${rowsAsText(table)}`);
    await tx.query(`TRUNCATE ${tables.join(', ')}`);
    await rebuild(tx);
    result = await Promise.all(tables.map((table, i) => compareOne(tx, table, `live_${i}`)));
    throw new RolledBack();
  }).catch((error: unknown) => {
    if (!(error instanceof RolledBack)) throw error;
  });
  return result;
}

class RolledBack extends Error {}

async function compareOne(tx: Tx, table: string, live: string): Promise<TableComparison> {
  const { rows } = await tx.query<{ live: string; rebuilt: string; missing: string; extra: string }>(
    `SELECT (SELECT count(*) FROM ${live})::text AS live,
            (SELECT count(*) FROM ${table})::text AS rebuilt,
            (SELECT count(*) FROM (${rowsAsText(table)} EXCEPT ALL SELECT r FROM ${live}) m)::text AS missing,
            (SELECT count(*) FROM (SELECT r FROM ${live} EXCEPT ALL ${rowsAsText(table)}) e)::text AS extra`,
  );
  const row = rows[0];
  return {
    table,
    liveRows: Number(row?.live),
    rebuiltRows: Number(row?.rebuilt),
    missing: Number(row?.missing),
    extra: Number(row?.extra),
  };
}
