import {
  Consumer,
  MessagesStreamFallbackModes,
  MessagesStreamModes,
  type Message,
  type MessagesStream,
} from '@platformatic/kafka';
import { headersFromKafka } from '../headers.ts';
import type {
  BatchHandler,
  ReceivedMessage,
  SubscribeOptions,
  Subscriber,
  Subscription,
} from '../messaging.port.ts';
import type { KafkaConnection } from './kafka-connection.ts';

type RawMessage = Message;
type RawStream = MessagesStream<Buffer, Buffer, Buffer, Buffer>;

const passThrough = (data?: Buffer): Buffer => data ?? Buffer.alloc(0);

export class PlatformaticSubscriber implements Subscriber {
  readonly #connection: KafkaConnection;

  constructor(connection: KafkaConnection) {
    this.#connection = connection;
  }

  async subscribe(options: SubscribeOptions, handler: BatchHandler): Promise<Subscription> {
    const consumer = new Consumer<Buffer, Buffer, Buffer, Buffer>({
      groupId: options.groupId,
      clientId: `${this.#connection.clientId}-${options.groupId}`,
      bootstrapBrokers: [...this.#connection.brokers],
      deserializers: {
        key: passThrough,
        value: passThrough,
        headerKey: passThrough,
        headerValue: passThrough,
      },
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      // Short waits keep commit→consumer latency low; the broker still batches under load.
      maxWaitTime: 100,
    });
    const stream = await consumer.consume({
      topics: [...options.topics],
      autocommit: false,
      mode: MessagesStreamModes.COMMITTED,
      fallbackMode:
        options.startFrom === 'latest'
          ? MessagesStreamFallbackModes.LATEST
          : MessagesStreamFallbackModes.EARLIEST,
    });
    const running = pump(stream, options.maxBatchSize ?? 500, handler);
    return {
      stop: async () => {
        await stream.close();
        await running.catch(() => undefined);
        await consumer.close(true);
      },
      lag: async () => consumer.getLag({ topics: [...options.topics] }),
    };
  }
}

/** Reads the stream into batches: the first message awaited, then whatever is already buffered. */
async function pump(stream: RawStream, maxBatchSize: number, handler: BatchHandler): Promise<void> {
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
