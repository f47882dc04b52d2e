// What a consumer group tells /metrics and the traces: its lag (read from the broker at scrape),
// its dead letters, how fresh the events it applies are, and a span per message it applies, each
// continuing its producer's trace (docs/adr/0031).
import type { ReceivedMessage } from '@nhip/messaging';
import { consumerLags, deadLetters, eventFreshness, inConsumerSpans } from '@nhip/telemetry';
import type { IncomingEvent } from './incoming-event.ts';

/** Starts reporting a group; returns what stops it. Dead-letter counts start at 0 per topic. */
export function reportConsumer(
  group: string,
  topics: readonly string[],
  lag: () => Promise<bigint>,
): () => void {
  for (const topic of topics) deadLetters.inc({ group, topic }, 0);
  // Present before the first event, so a fresh deployment's freshness panel is not blank.
  eventFreshness.zero({ stage: group });
  return consumerLags.watch(group, lag);
}

export function countDeadLetters(group: string, messages: readonly ReceivedMessage[]): void {
  for (const { topic } of messages) deadLetters.inc({ group, topic });
}

/**
 * Seconds from each message's Kafka timestamp (when the relay produced it) to now, for the messages
 * the batch applied: a redelivered duplicate changes nothing, so it says nothing of freshness.
 */
export function observeFreshness(group: string, batch: readonly ReceivedMessage[]): void {
  const now = Date.now();
  for (const m of batch)
    eventFreshness.observe({ stage: group }, Math.max(0, now - m.timestamp.getTime()) / 1000);
}

/**
 * Runs the handler inside a consumer span per event; it hears the events with each one's
 * `traceparent` now its own span's, so a row written for one event continues that event's trace.
 */
export function inHandlerSpans<T>(
  group: string,
  events: readonly IncomingEvent[],
  work: (events: readonly IncomingEvent[]) => Promise<T>,
): Promise<T> {
  const messages = events.map((e) => ({ traceparent: e.traceparent, topic: e.message.topic, group }));
  return inConsumerSpans(messages, (own) =>
    work(events.map((e, i) => (own[i] === e.traceparent ? e : { ...e, traceparent: own[i] }))),
  );
}
