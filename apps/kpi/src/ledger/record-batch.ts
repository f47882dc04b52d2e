// What every input slice does with the deltas of one consumed batch, in the consumer's transaction:
// keep them in the ledger, add them to the rollup cells, then publish the indicator values they
// changed: in the periods of their days, and for a stock in the later periods it reaches.
import type { Tx } from '@nhip/event-sourcing';
import { indicatorsReading } from '../indicators/readers.ts';
import type { MetricDelta } from '../metrics/metric-delta.ts';
import type { RollupCell } from '../rollups/rollup.ts';
import { recordDeltas } from './ledger.table.ts';
import { publishChanges, type Touched } from './publish-changes.ts';
import { stockReach } from './stock-reach.ts';

/**
 * Each cell's (unit, period) with the indicators reading its metric; `publishChanges` takes each
 * unit of a period once with all its cells' indicators, and leaves out a cell of a metric no
 * indicator reads (the count of activities of a kind).
 */
const touchedBy = (cells: readonly RollupCell[]): Touched[] =>
  cells.map(({ unitCode, period, metric }) => ({
    unitCode,
    period,
    indicators: indicatorsReading({ metric }),
  }));

export async function recordBatch(tx: Tx, deltas: readonly MetricDelta[], cause: string): Promise<void> {
  const { cells, position } = await recordDeltas(tx, deltas);
  if (!position || cells.length === 0) return;
  await publishChanges(tx, [...touchedBy(cells), ...(await stockReach(tx, deltas))], position, cause);
}
