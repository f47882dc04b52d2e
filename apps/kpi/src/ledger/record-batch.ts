// What every input slice does with the deltas of one consumed batch, in the consumer's transaction:
// keep them in the ledger, add them to the rollup cells, then publish the indicator values they changed.
import type { Tx } from '@nhip/event-sourcing';
import type { MetricDelta } from '../metrics/metric-delta.ts';
import { recordDeltas } from './ledger.table.ts';
import { publishChanges, type Touched } from './publish-changes.ts';

export async function recordBatch(tx: Tx, deltas: readonly MetricDelta[], cause: string): Promise<void> {
  const { cells, position } = await recordDeltas(tx, deltas);
  if (!position || cells.length === 0) return;
  const touched = new Map<string, Touched>();
  for (const { unitCode, period } of cells) touched.set(`${unitCode}/${period}`, { unitCode, period });
  await publishChanges(tx, [...touched.values()], position, cause);
}
