// The broker's side of dead letters: reading every dead-letter topic, and sending a plan's letters
// back. The letters go first and the markers after them, each publish acknowledged by all in-sync
// replicas: a re-drive stopped between the two leaves letters sent but unmarked, and the next one
// sends them again, which every consumer's `ce_id` de-duplication makes harmless.
import type { Messaging } from '@nhip/messaging';
import { readTopic } from '../reconciliation/read-topic.ts';
import { readDeadLetterRecords, type DeadLetterTopicRead } from './dead-letter-record.ts';
import { planRedrive, type RedrivePlan, type RedriveSelection } from './redrive-plan.ts';

const publishBatch = 500;

export async function deadLetterTopics(messaging: Messaging): Promise<string[]> {
  return (await messaging.admin.listTopics()).filter((topic) => topic.endsWith('.dlt')).sort();
}

/** Everything on the named dead-letter topics now, sorted into letters and markers. */
export async function readDeadLetters(
  messaging: Messaging,
  topics: readonly string[],
): Promise<DeadLetterTopicRead> {
  // Together: each read waits for its topic to stay quiet for half a second.
  const read = await Promise.all(topics.map((topic) => readTopic(messaging, topic)));
  return readDeadLetterRecords(read.flat());
}

export interface RedriveOptions {
  /** Without it the plan is only returned: nothing is sent. */
  readonly apply: boolean;
  readonly now?: Date;
}

export async function redriveDeadLetters(
  messaging: Messaging,
  read: DeadLetterTopicRead,
  selection: RedriveSelection,
  options: RedriveOptions,
): Promise<RedrivePlan> {
  const plan = planRedrive(read, selection, options.now ?? new Date());
  if (!options.apply || plan.send.length === 0) return plan;
  for (let i = 0; i < plan.messages.length; i += publishBatch)
    await messaging.publisher.publish(plan.messages.slice(i, i + publishBatch));
  await messaging.publisher.publish(plan.markers);
  return plan;
}
