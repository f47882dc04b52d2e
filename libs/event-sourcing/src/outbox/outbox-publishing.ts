// The relay's publishing half: a broker outage is one episode (reported once, retried with a
// backoff of 0.5 s doubling to 5 s) while writes keep landing in the outbox.
import { FaultEpisode, type Publisher } from '@nhip/messaging';
import { failed, startPublishSpan } from '@nhip/telemetry';
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
  // A producer span per row that stored a trace context; its context travels as the traceparent.
  const spans = rows.map((row) =>
    row.traceparent === null ? undefined : startPublishSpan(row.traceparent, row.topic),
  );
  const messages = rows.map((row, i) => {
    const traceparent = spans[i]?.traceparent ?? row.traceparent;
    // Unchanged rows go as they are: a copy per message showed in the relay's drain benchmark.
    if (topicPrefix === '' && traceparent === row.traceparent) return toKafkaMessage(row);
    return toKafkaMessage({ ...row, topic: `${topicPrefix}${row.topic}`, traceparent });
  });
  try {
    await publisher.publish(messages);
  } catch (error) {
    for (const sent of spans) if (sent) failed(sent.span, error);
    throw new PublishFailed(error);
  } finally {
    for (const sent of spans) sent?.span.end();
  }
  episode.succeeded();
}
