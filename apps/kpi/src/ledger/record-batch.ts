// What every input slice does with the deltas of one consumed batch, in the consumer's transaction:
// keep them in the ledger, add them to the rollup cells, then publish the indicator values they changed.
import type { Tx } from '@nhip/event-sourcing';
import type { IndicatorDefinition } from '../indicators/indicator.ts';
import { indicatorsReading } from '../indicators/readers.ts';
import type { MetricDelta } from '../metrics/metric-delta.ts';
import { recordDeltas } from './ledger.table.ts';
import { publishChanges, type Touched } from './publish-changes.ts';

export async function recordBatch(tx: Tx, deltas: readonly MetricDelta[], cause: string): Promise<void> {
  const { cells, position } = await recordDeltas(tx, deltas);
  if (!position || cells.length === 0) return;
  // A cell of a metric no indicator reads (the count of activities of a kind) publishes nothing.
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
  const pairs: Touched[] = [...touched.values()].map((p) => ({ ...p, indicators: [...p.indicators] }));
  await publishChanges(tx, pairs, position, cause);
}
