// Producers say which public event a domain event becomes and with what data; the declaration in
// libs/contracts supplies the topic, the Kafka key, the CloudEvents type, source and subject. No
// producer chooses a key by hand, so a key can only change where the contract changes.
import { keyAndSubject, type PublicEventDefinition } from '@nhip/contracts';
import type { Static, TObject } from 'typebox';
import type { OutboxMessage } from '../event-store/types.ts';
import { messageIdFor } from '../command/deterministic-id.ts';

/** Deeply read-only: domain data (readonly arrays) is accepted where the schema's type is mutable. */
type Frozen<T> = T extends (infer Item)[]
  ? readonly Frozen<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: Frozen<T[K]> }
    : T;

/** One public event about to be written: its declaration and its data, checked against each other. */
export interface PublicMessage {
  readonly definition: PublicEventDefinition;
  readonly data: unknown;
  /** When it happened in the world, where that differs from when the command ran. */
  readonly occurredAt?: string;
}

export const publicMessage = <Schema extends TObject>(
  definition: PublicEventDefinition<Schema>,
  data: Frozen<Static<Schema>>,
  occurredAt?: string,
): PublicMessage => ({ definition, data, ...(occurredAt === undefined ? {} : { occurredAt }) });

/**
 * The outbox rows of one command's public events. Message ids derive from the command id, so a
 * retried command writes the same ids and consumers see one message.
 */
export function toOutboxMessages(
  messages: readonly PublicMessage[],
  commandId: string,
  occurredAt: string,
): OutboxMessage[] {
  return messages.map(({ definition, data, occurredAt: when }, i) => ({
    messageId: messageIdFor(commandId, i),
    topic: definition.topic,
    type: definition.type,
    source: definition.source,
    ...keyAndSubject(definition, data as Static<TObject>),
    occurredAt: when ?? occurredAt,
    data,
  }));
}
