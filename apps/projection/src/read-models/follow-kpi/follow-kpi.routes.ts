// The KPI topic's one contract, checked, then applied set-wise: a batch of hundreds of values is
// two statements, not hundreds.
import { IndicatorChangedV1, publicEventProblems, type IndicatorChangedData } from '@nhip/contracts';
import type { IncomingEvent, Tx } from '@nhip/event-sourcing';
import { applyIndicatorValues } from './indicator-values.projection.ts';

export const isKpiType = (type: string): boolean => type === IndicatorChangedV1.type;

export async function applyKpiEvents(events: readonly IncomingEvent[], tx: Tx): Promise<void> {
  const values: IndicatorChangedData[] = [];
  for (const event of events) {
    const problems = publicEventProblems(event.type, event.data);
    if (problems.length > 0)
      throw new Error(`${event.type} ${event.id} breaks its contract: ${problems.join('; ')}`);
    values.push(event.data as IndicatorChangedData);
  }
  await applyIndicatorValues(values, tx);
}
