// Activity events as metric deltas (ADR 0026): a batch's events are checked against their
// contracts, turned into inputs, applied in order to the facts of the activities they name (loaded
// once), and the deltas recorded and rolled up in the consumer's transaction.
import { ActivityCorrectedV1, ActivityLoggedV1, ActivityVoidedV1, CampaignDefinedV1 } from '@nhip/contracts';
import { on, routeEvents, type IncomingEvent, type Tx } from '@nhip/event-sourcing';
import { recordBatch } from '../../ledger/record-batch.ts';
import { activityMetrics, type ActivityFact, type ActivityInput } from '../../metrics/activity-metrics.ts';
import type { MetricDelta } from '../../metrics/metric-delta.ts';
import { loadActivityFacts, saveActivityFacts, saveOrphans } from './activity-facts.table.ts';

type Keyed = ActivityInput & { readonly activityId: string };

function inputRouter(inputs: Keyed[]) {
  const push = (input: Keyed) => Promise.resolve(inputs.push(input));
  return routeEvents(
    [
      on(ActivityLoggedV1, (data, _tx, e) =>
        push({
          type: 'logged',
          data,
          activityId: data.activityId,
          eventId: e.id,
          recordedAt: data.recordedAt,
        }),
      ),
      on(ActivityCorrectedV1, (d, _tx, e) =>
        push({
          type: 'corrected',
          kind: d.kind,
          residentsHelped: d.residentsHelped,
          activityId: d.activityId,
          eventId: e.id,
          recordedAt: d.recordedAt,
        }),
      ),
      on(ActivityVoidedV1, (d, _tx, e) =>
        push({ type: 'voided', activityId: d.activityId, eventId: e.id, recordedAt: d.recordedAt }),
      ),
    ],
    // Campaigns do not count anything themselves.
    [CampaignDefinedV1],
  );
}

/** Types this consumer understands; others on its topic are dead-lettered as unknown. */
export const isActivityType = inputRouter([]).isKnownType;

export async function countActivities(events: readonly IncomingEvent[], tx: Tx): Promise<void> {
  const inputs: Keyed[] = [];
  await inputRouter(inputs).handle(events, tx);
  const facts = await loadActivityFacts(tx, [...new Set(inputs.map((i) => i.activityId))]);
  const changed = new Map<string, ActivityFact>();
  const deltas: MetricDelta[] = [];
  const orphans: { eventId: string; activityId: string; type: string }[] = [];
  for (const input of inputs) {
    const outcome = activityMetrics(facts.get(input.activityId), input);
    if (outcome.orphan)
      orphans.push({ eventId: input.eventId, activityId: input.activityId, type: input.type });
    if (outcome.fact && outcome.deltas.length > 0) {
      facts.set(input.activityId, outcome.fact);
      changed.set(input.activityId, outcome.fact);
    }
    deltas.push(...outcome.deltas);
  }
  await saveActivityFacts(tx, [...changed.values()]);
  await saveOrphans(tx, orphans);
  await recordBatch(tx, deltas, events[0]?.id ?? 'empty');
}
