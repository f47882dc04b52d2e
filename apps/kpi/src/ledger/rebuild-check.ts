// The rebuild's check that the fresh cells equal the live ones (ADR 0028, 0038), without joining
// two tables of millions of rows: each side is read once, in the server, into its number of
// non-zero cells and the sum of a 64-bit hash of each whole cell (unit, metric, period, its kind,
// value: a wrong kind would hide a stock's day cells from its partial index).
// Any cell that differs, is missing or is extra changes the count or the sum (two differences
// cancelling would need a 64-bit hash collision). Only when the digests differ is the full join
// run, to name the first cells that differ. Cells are compared where they are not 0: a missing
// cell reads 0, and the live consumer keeps a cell it took to 0.
import type { Tx } from '@nhip/event-sourcing';
import type { CellMismatch } from './ledger-check.ts';

const digestOf = (table: string) => `
  SELECT count(*)::text AS cells,
         coalesce(sum(hashtextextended(unit_code || '|' || metric || '|' || period || '|' || period_kind || '|' || value, 0)), 0)::text AS hash
    FROM ${table} WHERE value <> 0`;

const digestsSql = `SELECT n.cells AS next_cells, n.hash AS next_hash, l.cells AS live_cells, l.hash AS live_hash
  FROM (${digestOf('kpi_rollups_next')}) n, (${digestOf('kpi_rollups')}) l`;

const differencesSql = `
  SELECT coalesce(n.unit_code, l.unit_code) AS unit, coalesce(n.metric, l.metric) AS metric,
         coalesce(n.period, l.period) AS period, coalesce(n.value, 0)::float8 AS ledger,
         coalesce(l.value, 0)::float8 AS rollup
    FROM kpi_rollups_next n FULL JOIN kpi_rollups l USING (unit_code, metric, period)
   WHERE coalesce(n.value, 0) <> coalesce(l.value, 0) OR n.period_kind <> l.period_kind
   LIMIT 20`;

interface Digests {
  readonly next_cells: string;
  readonly next_hash: string;
  readonly live_cells: string;
  readonly live_hash: string;
}

/** The cells where the fresh and the live table differ (the first 20), none when they agree. */
export async function differences(tx: Tx): Promise<CellMismatch[]> {
  const { rows } = await tx.query<Digests>(digestsSql);
  const d = rows[0];
  if (d !== undefined && d.next_cells === d.live_cells && d.next_hash === d.live_hash) return [];
  const { rows: mismatches } = await tx.query<CellMismatch>(differencesSql);
  // Digests that differ with no cell to show would be a hash or planner fault: still not equal.
  if (mismatches.length > 0) return mismatches;
  throw new Error('The rebuilt and live cells hash differently but no differing cell was found.');
}
