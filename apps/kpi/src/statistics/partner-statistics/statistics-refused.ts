// A partner's statistic the consumer set aside gets an answer on public.kpi.statistic-refusal.v1,
// written with the offsets that move past it: the partner reads only public.* topics, so the
// dead-letter topic, where the message goes with the reason, is out of its sight.
import {
  partnerTopics,
  statisticRefusalReasons,
  StatisticRefusedV1,
  type StatisticRefusedData,
} from '@nhip/contracts';
import { publicMessage, toOutboxMessages, writeOutbox, type SetAside, type Tx } from '@nhip/event-sourcing';

const isReason = (reason: string): reason is StatisticRefusedData['reason'] =>
  (statisticRefusalReasons as readonly string[]).includes(reason);

export function statisticRefusal({ message, reason, detail }: SetAside, at: string): StatisticRefusedData {
  return {
    statisticEventId: message.headers['ce_id'] ?? '',
    partnerSource: message.headers['ce_source'] || 'unknown',
    // A handler that threw refused the statistic itself (its schema, the catalog, the unit tree).
    reason: reason !== 'handler_failed' && isReason(reason) ? reason : 'refused',
    detail: detail.slice(0, 1000),
    partition: message.partition,
    offset: message.offset.toString(),
    refusedAt: at,
  };
}

/** Every consumer's letters pass here; only the partner topic's (under any prefix) are answered. */
export async function answerRefusedStatistics(letters: readonly SetAside[], tx: Tx): Promise<void> {
  const refused = letters.filter((l) => l.message.topic.endsWith(partnerTopics.statistics));
  const [first] = refused;
  if (!first) return;
  const at = new Date().toISOString();
  // Ids from the first letter's place: a transaction retried after a crash writes the same ones.
  const cause = `statistic-refused/${first.message.topic}/${first.message.partition}@${first.message.offset}`;
  const messages = refused.map((letter) => publicMessage(StatisticRefusedV1, statisticRefusal(letter, at)));
  await writeOutbox(tx, toOutboxMessages(messages, cause, at));
}
