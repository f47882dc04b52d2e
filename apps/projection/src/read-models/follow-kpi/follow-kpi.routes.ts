// The KPI topic's one contract, checked, then applied set-wise: a batch of hundreds of values is
// two statements, not hundreds.
import { IndicatorChangedV1, publicEventProblems, type IndicatorChangedData } from '@nhip/contracts';
import type { IncomingEvent, Tx } from '@nhip/event-sourcing';
import { applyIndicatorValues, type ChangedValue } from './indicator-values.projection.ts';

export const isKpiType = (type: string): boolean => type === IndicatorChangedV1.type;

export async function applyKpiEvents(events: readonly IncomingEvent[], tx: Tx): Promise<void> {
  const values: ChangedValue[] = [];
  for (const event of events) {
    const problems = publicEventProblems(event.type, event.data);
    if (problems.length > 0)
      throw new Error(`${event.type} ${event.id} breaks its contract: ${problems.join('; ')}`);
    values.push({ data: event.data as IndicatorChangedData, eventAt: sentAt(event) });
  }
  await applyIndicatorValues(values, tx);
}

/** When the event left its service: the broker's timestamp, else the event's own time. */
function sentAt(event: IncomingEvent): Date | undefined {
  const time = event.message.timestamp.getTime();
  if (Number.isFinite(time) && time > 0) return event.message.timestamp;
  const own = event.time === undefined ? Number.NaN : Date.parse(event.time);
  return Number.isFinite(own) ? new Date(own) : undefined;
}
