// What every input slice does with the deltas of one consumed batch, in the consumer's transaction:
// keep them in the ledger, add them to the rollup cells, then publish the indicator values they
// changed: in the periods of their days, and for a stock in the later periods it reaches.
import type { Tx } from '@nhip/event-sourcing';
import type { IndicatorDefinition } from '../indicators/indicator.ts';
import { indicatorsReading } from '../indicators/readers.ts';
import type { MetricDelta } from '../metrics/metric-delta.ts';
import type { RollupCell } from '../rollups/rollup.ts';
import { recordDeltas } from './ledger.table.ts';
import { publishChanges, type Touched } from './publish-changes.ts';
import { stockReach } from './stock-reach.ts';

/**
 * Each (unit, period) the cells changed, with the indicators reading their metrics; a cell of a
 * metric no indicator reads (the count of activities of a kind) touches nothing.
 */
function touchedBy(cells: readonly RollupCell[]): Touched[] {
  const touched = new Map<
    string,
    { unitCode: string; period: string; indicators: Set<IndicatorDefinition> }
  >();
  for (const { unitCode, period, metric } of cells) {
    const readers = indicatorsReading({ metric });
    if (readers.length === 0) continue;
    const key = `${unitCode}/${period}`;
    const pair = touched.get(key) ?? { unitCode, period, indicators: new Set<IndicatorDefinition>() };
    for (const indicator of readers) pair.indicators.add(indicator);
    touched.set(key, pair);
  }
  return [...touched.values()].map((p) => ({ ...p, indicators: [...p.indicators] }));
}

export async function recordBatch(tx: Tx, deltas: readonly MetricDelta[], cause: string): Promise<void> {
  const { cells, position } = await recordDeltas(tx, deltas);
  if (!position || cells.length === 0) return;
  await publishChanges(tx, [...touchedBy(cells), ...(await stockReach(tx, deltas))], position, cause);
}
