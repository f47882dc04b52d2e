// Which dead letters a re-drive sends back, and what a listing shows: pure, from what was read.
import type { OutgoingMessage } from '@nhip/messaging';
import {
  redriveMarker,
  redriveMessage,
  type DeadLetter,
  type DeadLetterTopicRead,
  type RedriveMarker,
} from './dead-letter-record.ts';

/**
 * A later release can take these: a type it has learnt, or a handler that failed on something since
 * mended. The other reasons are the bytes themselves (no `ce_id`, not JSON, too large), which no
 * release will read: they stay on the topic for a person, and a re-drive leaves them.
 */
export const redrivableReasons: ReadonlySet<string> = new Set(['unknown_event_type', 'handler_failed']);

export type LetterStatus = 'waiting' | 'redriven' | 'left';

export function letterStatus(letter: DeadLetter, markers: readonly RedriveMarker[]): LetterStatus {
  if (!redrivableReasons.has(letter.reason)) return 'left';
  const covered = markers.some(
    (m) =>
      m.topic === letter.topic &&
      m.consumer === letter.consumer &&
      (m.reason === undefined || m.reason === letter.reason) &&
      (m.through.get(letter.partition) ?? -1n) >= letter.offset,
  );
  return covered ? 'redriven' : 'waiting';
}

export interface RedriveSelection {
  /** The consumer group whose letters go back (each group sets its own aside). */
  readonly consumer: string;
  /** Only this source topic's letters (its name, with or without `.dlt`). */
  readonly topic?: string | undefined;
  /**
   * Only the letters set aside for this reason: after an upgrade, the types it learnt
   * (`unknown_event_type`) can go back while `handler_failed` waits for its fix.
   */
  readonly reason?: string | undefined;
}

export interface RedrivePlan {
  readonly send: readonly DeadLetter[];
  /** The selection's letters whose bytes no release will read. */
  readonly left: readonly DeadLetter[];
  /** What goes back: `send`, each as it first arrived on its own topic. */
  readonly messages: readonly OutgoingMessage[];
  /** One per dead-letter topic, published once `messages` are acknowledged. */
  readonly markers: readonly OutgoingMessage[];
}

export function planRedrive(read: DeadLetterTopicRead, selection: RedriveSelection, at: Date): RedrivePlan {
  const source = selection.topic?.replace(/\.dlt$/, '');
  const { consumer, reason } = selection;
  const selected = read.letters.filter(
    (l) =>
      l.consumer === consumer &&
      (source === undefined || l.originalTopic === source) &&
      (reason === undefined || l.reason === reason),
  );
  const waiting = selected.filter((l) => letterStatus(l, read.markers) === 'waiting');
  const send = firstOfEachPlace(waiting);
  const left = selected.filter((l) => letterStatus(l, read.markers) === 'left');
  // The markers cover the twice-set-aside too, so they do not wait for the next re-drive.
  const markers = [...new Set(send.map((l) => l.topic))].map((topic) => {
    const sent = waiting.filter((l) => l.topic === topic);
    return redriveMarker({
      topic,
      consumer,
      through: lastOffsets(sent),
      reason,
      redriven: send.filter((l) => l.topic === topic).length,
      left: left.filter((l) => l.topic === topic).length,
      at,
    });
  });
  return { send, left, messages: send.map(redriveMessage), markers };
}

/** A message set aside twice (a crash before the consumer's commit) goes back once. */
function firstOfEachPlace(letters: readonly DeadLetter[]): DeadLetter[] {
  const seen = new Set<string>();
  return letters.filter((l) => {
    const first = !seen.has(l.originalPlace);
    seen.add(l.originalPlace);
    return first;
  });
}

function lastOffsets(letters: readonly DeadLetter[]): Map<number, bigint> {
  const through = new Map<number, bigint>();
  for (const { partition, offset } of letters) {
    const seen = through.get(partition);
    if (seen === undefined || offset > seen) through.set(partition, offset);
  }
  return through;
}

export interface DeadLetterGroup {
  readonly originalTopic: string;
  readonly consumer: string;
  readonly reason: string;
  readonly count: number;
  readonly waiting: number;
  readonly redriven: number;
  /** Letters that had been re-driven once already and failed again. */
  readonly again: number;
  readonly lastFailedAt: string;
  readonly lastDetail: string;
  /** Event types among them, most frequent first. */
  readonly types: ReadonlyArray<readonly [string, number]>;
}

/** One line per source topic, consumer and reason, in that order. */
export function summarizeDeadLetters(read: DeadLetterTopicRead): DeadLetterGroup[] {
  const groups = new Map<string, DeadLetter[]>();
  for (const letter of read.letters) {
    const key = [letter.originalTopic, letter.consumer, letter.reason].join('\u0000');
    const group = groups.get(key);
    if (group) group.push(letter);
    else groups.set(key, [letter]);
  }
  return [...groups.keys()].sort().map((key) => summarize(groups.get(key) ?? [], read.markers));
}

function summarize(letters: readonly DeadLetter[], markers: readonly RedriveMarker[]): DeadLetterGroup {
  const latest = letters.reduce((a, b) => (b.failedAt > a.failedAt ? b : a));
  const statuses = letters.map((l) => letterStatus(l, markers));
  const types = new Map<string, number>();
  for (const l of letters) types.set(l.eventType ?? '(none)', (types.get(l.eventType ?? '(none)') ?? 0) + 1);
  return {
    originalTopic: latest.originalTopic,
    consumer: latest.consumer,
    reason: latest.reason,
    count: letters.length,
    waiting: statuses.filter((s) => s === 'waiting').length,
    redriven: statuses.filter((s) => s === 'redriven').length,
    again: letters.filter((l) => l.redrivenFrom !== undefined).length,
    lastFailedAt: latest.failedAt,
    lastDetail: latest.detail,
    types: [...types].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  };
}
