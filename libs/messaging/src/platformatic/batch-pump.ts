import type { Message, MessagesStream } from '@platformatic/kafka';
import { headersFromKafka } from '../headers.ts';
import type { BatchHandler, ReceivedMessage } from '../messaging.port.ts';

type RawMessage = Message;
export type RawStream = MessagesStream<Buffer, Buffer, Buffer, Buffer>;

/**
 * Reads the stream into batches: the first message awaited, then whatever is already buffered.
 * `onBatch` hears of each batch handled, which is what proves the connection works again.
 */
export async function pump(
  stream: RawStream,
  maxBatchSize: number,
  handler: BatchHandler,
  onBatch: () => void,
): Promise<void> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<RawMessage>;
  for (;;) {
    const first = await iterator.next();
    if (first.done === true) return;
    const raws: RawMessage[] = [first.value];
    while (raws.length < maxBatchSize && stream.readableLength > 0) {
      const next = stream.read() as RawMessage | null;
      if (next === null) break;
      raws.push(next);
    }
    const batch = raws.map(toReceived);
    const byMessage = new Map(batch.map((m, i) => [m, raws[i] as RawMessage]));
    await handler(batch, (messages) => commitLast(messages, byMessage));
    onBatch();
  }
}

/** Committing the last message of each partition commits everything before it. */
async function commitLast(
  messages: readonly ReceivedMessage[],
  byMessage: Map<ReceivedMessage, RawMessage>,
): Promise<void> {
  const last = new Map<string, ReceivedMessage>();
  for (const m of messages) {
    const key = `${m.topic}\u0000${m.partition}`;
    const seen = last.get(key);
    if (!seen || seen.offset < m.offset) last.set(key, m);
  }
  await Promise.all(
    [...last.values()].map(async (m) => {
      const raw = byMessage.get(m);
      if (!raw) throw new Error(`Message ${m.topic}/${m.partition}@${m.offset} is not from this batch.`);
      await raw.commit();
    }),
  );
}

function toReceived(raw: RawMessage): ReceivedMessage {
  return {
    topic: raw.topic,
    partition: raw.partition,
    offset: raw.offset,
    key: raw.key.length === 0 ? null : raw.key.toString(),
    value: raw.value,
    headers: headersFromKafka(raw.headerEntries),
    timestamp: new Date(Number(raw.timestamp)),
  };
}
