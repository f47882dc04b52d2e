import { ProduceAcks, Producer } from '@platformatic/kafka';
import { headersToKafka } from '../headers.ts';
import type { OutgoingMessage, Publisher } from '../messaging.port.ts';
import type { KafkaConnection } from './kafka-connection.ts';

// Header names are a handful of constants (ce_id, ce_type, traceparent…): encode each once.
const headerNames = new Map<string, Buffer>();
function headerName(name: string): Buffer {
  let encoded = headerNames.get(name);
  if (!encoded) {
    encoded = Buffer.from(name);
    if (headerNames.size < 1000) headerNames.set(name, encoded);
  }
  return encoded;
}

/**
 * Idempotent producer with acks=all: the broker de-duplicates the producer's own retries, so a
 * network blip never writes a message twice. (End-to-end duplicates after a crash are handled by
 * consumers, see the event-sourcing core.)
 */
export class PlatformaticPublisher implements Publisher {
  readonly #connection: KafkaConnection;
  #producer: KafkaProducer;

  constructor(connection: KafkaConnection) {
    this.#connection = connection;
    this.#producer = newProducer(connection);
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = this.#producer;
    await producer
      .send({
        messages: messages.map((m) => ({
          topic: m.topic,
          ...(m.key === null ? {} : { key: m.key }),
          value: m.value,
          headers: headersToKafka(m.headers),
        })),
      })
      .catch(async (error: unknown) => {
        // A send that failed its retries may have left the idempotent sequence numbers out of step
        // with the broker (it may or may not have stored the batch); a new producer id starts clean,
        // and the caller re-sends (at-least-once, consumers de-duplicate).
        if (this.#producer === producer) {
          this.#producer = newProducer(this.#connection);
          await producer.close().catch(() => undefined);
        }
        throw error;
      });
  }

  async close(): Promise<void> {
    await this.#producer.close();
  }
}

type KafkaProducer = Producer<string, Buffer | string, string, string>;

function newProducer(connection: KafkaConnection): KafkaProducer {
  return new Producer({
    clientId: `${connection.clientId}-producer`,
    bootstrapBrokers: [...connection.brokers],
    idempotent: true,
    acks: ProduceAcks.ALL,
    // An idempotent producer otherwise retries forever: a send during a broker outage would hang
    // (and hold up a shutdown) with nothing logged or reported. About 5 s, then the caller's backoff.
    retries: 5,
    retryDelay: 1_000,
    autocreateTopics: true,
    serializers: {
      key: (key) => (key === undefined ? undefined : Buffer.from(key)),
      value: (value) => (value === undefined ? undefined : Buffer.from(value)),
      headerKey: (key) => (key === undefined ? undefined : headerName(key)),
      headerValue: (value) => (value === undefined ? undefined : Buffer.from(value)),
    },
  });
}
