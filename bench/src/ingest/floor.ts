// P5's physical floor: what durable-in-PostgreSQL-then-acknowledged-by-Kafka costs at the least for
// the rows bulk ingest wrote. The same event and outbox rows, read back from the service's
// database and pre-serialised, are COPYed into a database of the same schema; then the same
// messages (key, bytes, CloudEvents headers) go out through the raw producer at acks=all.
import { Producer, ProduceAcks, type MessageToProduce } from '@platformatic/kafka';
import { toKafkaMessage, type OutboxRow } from '@nhip/event-sourcing';
import type pg from 'pg';
import { copyLoad, prepareCopy, type CopyPart } from '../copy/copy-load.ts';
import type { CopyValue } from '../copy/copy-text.ts';

export interface FloorRows {
  readonly count: number;
  readonly copy: readonly CopyPart[];
  readonly messages: readonly MessageToProduce[];
}

export interface FloorTimes {
  readonly copySeconds: number;
  readonly produceSeconds: number;
}

/** The last `count` events and outbox rows the service wrote, as the floor will write them. */
export async function readFloorRows(
  service: pg.Pool,
  count: number,
  topic: string,
  copyParts: number,
): Promise<FloorRows> {
  const events = await service.query<{ row: CopyValue[] }>({
    text: `SELECT ARRAY[stream_id, stream_version::text, event_id::text, event_type, schema_version::text,
                        data::text, metadata::text] AS row
             FROM es_events ORDER BY global_position DESC LIMIT $1`,
    values: [count],
  });
  const outbox = await service.query<OutboxRow & { occurred_at: string }>({
    text: `SELECT id::text, message_id::text, topic, message_key, type, source, subject,
                  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
                  data::text AS data, traceparent
             FROM es_outbox ORDER BY id DESC LIMIT $1`,
    values: [count],
  });
  if (events.rows.length !== count || outbox.rows.length !== count) {
    throw new Error(
      `Expected ${count} events and outbox rows, found ${events.rows.length} and ${outbox.rows.length}.`,
    );
  }
  const outboxRows = outbox.rows.map((r) => [
    r.message_id,
    r.topic,
    r.message_key,
    r.type,
    r.source,
    r.subject,
    r.occurred_at,
    r.data,
    r.traceparent,
  ]);
  return {
    count,
    copy: prepareCopy(
      events.rows.map((r) => r.row),
      outboxRows,
      copyParts,
    ),
    messages: outbox.rows.map((r) => encode(r, topic)),
  };
}

/** The message the relay would send for this row, as bytes for the raw client. */
function encode(row: OutboxRow, topic: string): MessageToProduce {
  const kafka = toKafkaMessage({ ...row, topic });
  return {
    topic,
    key: Buffer.from(kafka.key ?? ''),
    value: Buffer.from(kafka.value),
    headers: new Map(Object.entries(kafka.headers ?? {}).map(([k, v]) => [Buffer.from(k), Buffer.from(v)])),
  };
}

/** COPY into the floor database, then the raw producer: the two halves timed one after the other. */
export async function measureFloor(
  floor: pg.Pool,
  rows: FloorRows,
  producer: Producer,
  { batch, inFlight }: { readonly batch: number; readonly inFlight: number },
): Promise<FloorTimes> {
  // Connection and topic metadata are set up before the clock, as the relay's long-lived producer has them.
  await producer.send({ messages: rows.messages.slice(0, 1) });
  const started = performance.now();
  await copyLoad(floor, rows.copy);
  const copied = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let from = next; from < rows.messages.length; from = next) {
      next += batch;
      await producer.send({ messages: rows.messages.slice(from, from + batch) });
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const done = performance.now();
  return { copySeconds: (copied - started) / 1000, produceSeconds: (done - copied) / 1000 };
}

export function rawProducer(brokers: readonly string[]): Producer {
  return new Producer({
    clientId: 'bench-ingest-floor',
    bootstrapBrokers: [...brokers],
    idempotent: true,
    acks: ProduceAcks.ALL,
  });
}
