// A dead-letter topic read back. It holds the letters consumers set aside (`deadLetter` writes them)
// and the markers a re-drive leaves after sending some back, so the topic itself records what was
// re-driven, when and for whom: nothing else has to be kept, and `kcat` shows it too.
import type { OutgoingMessage, ReceivedMessage } from '@nhip/messaging';

export interface DeadLetter {
  /** The dead-letter topic and the letter's place on it. */
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  /** The consumer group that set it aside. */
  readonly consumer: string;
  readonly reason: string;
  readonly detail: string;
  readonly originalTopic: string;
  /** Where it was read from: a crash before the consumer's commit can set one message aside twice. */
  readonly originalPlace: string;
  readonly failedAt: string;
  readonly eventType: string | undefined;
  /** Where it was re-driven from, when a re-drive sent it back and it failed again. */
  readonly redrivenFrom: string | undefined;
  readonly message: ReceivedMessage;
}

export interface RedriveMarker {
  readonly topic: string;
  readonly consumer: string;
  /** Per partition of the dead-letter topic, the last offset the re-drive went through. */
  readonly through: ReadonlyMap<number, bigint>;
  /** Only the letters set aside for this reason went back; every reason when undefined. */
  readonly reason: string | undefined;
  readonly at: string;
}

export interface DeadLetterTopicRead {
  readonly letters: readonly DeadLetter[];
  readonly markers: readonly RedriveMarker[];
  /** Records that are neither (written by something else, or a marker that cannot be read). */
  readonly foreign: number;
}

const markerHeader = 'dlt_redrive_marker';
export const redrivenFromHeader = 'nhip_redriven_from';

/** Sorts what was read from one or more dead-letter topics into letters and markers. */
export function readDeadLetterRecords(messages: readonly ReceivedMessage[]): DeadLetterTopicRead {
  const letters: DeadLetter[] = [];
  const markers: RedriveMarker[] = [];
  let foreign = 0;
  for (const message of messages) {
    const marker = message.headers[markerHeader] === undefined ? undefined : markerOf(message);
    const letter = marker || message.headers['dlt_consumer'] === undefined ? undefined : letterOf(message);
    if (marker) markers.push(marker);
    else if (letter) letters.push(letter);
    else foreign++;
  }
  return { letters, markers, foreign };
}

function letterOf(message: ReceivedMessage): DeadLetter {
  const h = message.headers;
  return {
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    consumer: h['dlt_consumer'] ?? '',
    reason: h['dlt_reason'] ?? 'unknown',
    detail: h['dlt_detail'] ?? '',
    originalTopic: h['dlt_original_topic'] ?? message.topic.replace(/\.dlt$/, ''),
    originalPlace: placeOf(h) ?? `${message.topic}/${message.partition}@${message.offset}`,
    failedAt: h['dlt_failed_at'] ?? message.timestamp.toISOString(),
    eventType: h['ce_type'],
    redrivenFrom: h[redrivenFromHeader],
    message,
  };
}

/** The source topic, partition and offset a letter names; undefined when it names none. */
function placeOf(h: ReceivedMessage['headers']): string | undefined {
  const [topic, partition, offset] = [
    h['dlt_original_topic'],
    h['dlt_original_partition'],
    h['dlt_original_offset'],
  ];
  return topic && partition && offset ? `${topic}/${partition}@${offset}` : undefined;
}

function markerOf(message: ReceivedMessage): RedriveMarker | undefined {
  try {
    const body = JSON.parse(message.value.toString('utf8')) as {
      through?: Record<string, string>;
      reason?: string;
      at?: string;
    };
    const through = new Map(Object.entries(body.through ?? {}).map(([p, o]) => [Number(p), BigInt(o)]));
    const consumer = message.headers[markerHeader] ?? '';
    const at = body.at ?? message.timestamp.toISOString();
    return { topic: message.topic, consumer, through, reason: body.reason, at };
  } catch {
    return undefined;
  }
}

/**
 * The letter as it first arrived, back on its own topic: the same key (so the same partition and
 * order among its key's later messages), bytes and CloudEvents headers, without the dead-letter
 * ones, and saying where it came from. Every consumer de-duplicates on `ce_id`, so the groups that
 * applied it the first time skip it; the one that set it aside applies it.
 */
export function redriveMessage(letter: DeadLetter): OutgoingMessage {
  const kept = Object.entries(letter.message.headers).filter(([name]) => !name.startsWith('dlt_'));
  return {
    topic: letter.originalTopic,
    key: letter.message.key,
    value: letter.message.value,
    headers: {
      ...Object.fromEntries(kept),
      [redrivenFromHeader]: `${letter.topic}/${letter.partition}@${letter.offset}`,
    },
  };
}

export interface MarkerContent {
  readonly topic: string;
  readonly consumer: string;
  readonly through: ReadonlyMap<number, bigint>;
  readonly reason?: string | undefined;
  readonly redriven: number;
  /** The selection's letters on this topic that stay (their bytes). */
  readonly left: number;
  readonly at: Date;
}

/** Written after the letters it covers are acknowledged: it says they were sent back. */
export function redriveMarker({
  topic,
  consumer,
  through,
  reason,
  redriven,
  left,
  at,
}: MarkerContent): OutgoingMessage {
  const body = {
    consumer,
    through: Object.fromEntries([...through].map(([p, o]) => [String(p), o.toString()])),
    reason,
    redriven,
    left,
    at: at.toISOString(),
  };
  return { topic, key: consumer, value: JSON.stringify(body), headers: { [markerHeader]: consumer } };
}
