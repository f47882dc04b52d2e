// The relay's publishing half: a broker outage is one episode (reported once, retried with a
// backoff of 0.5 s doubling to 30 s) while writes keep landing in the outbox.
import { FaultEpisode, type Publisher } from '@nhip/messaging';
import { toKafkaMessage, type OutboxRow } from './cloud-events.ts';

/** Marks a failure of the broker, not of the database, so the relay backs off instead of polling. */
export class PublishFailed extends Error {
  constructor(cause: unknown) {
    super(`publishing outbox rows failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

export function publishingEpisode(onError: ((error: unknown) => void) | undefined): FaultEpisode {
  return new FaultEpisode({
    what: 'outbox relay publishing',
    onError: onError && ((error) => onError(error)),
  });
}

/** Sends rows (topics behind the prefix); a success closes an outage episode. */
export async function publishRows(
  publisher: Publisher,
  rows: readonly OutboxRow[],
  topicPrefix: string,
  episode: FaultEpisode,
): Promise<void> {
  const messages = rows.map((row) =>
    toKafkaMessage(topicPrefix === '' ? row : { ...row, topic: `${topicPrefix}${row.topic}` }),
  );
  try {
    await publisher.publish(messages);
  } catch (error) {
    throw new PublishFailed(error);
  }
  episode.succeeded();
}
