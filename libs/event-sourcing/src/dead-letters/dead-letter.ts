import type { OutgoingMessage, ReceivedMessage } from '@nhip/messaging';
import { maxMessageBytes } from '../consumer/incoming-event.ts';

/** A message a consumer set aside, with the reason it gave on the dead-letter topic. */
export interface SetAside {
  readonly message: ReceivedMessage;
  readonly reason: string;
  readonly detail: string;
}

export const deadLetterTopic = (topic: string): string => `${topic}.dlt`;

/**
 * The original bytes, key and headers, plus why and where from, on `<topic>.dlt`. A body above
 * the consumer's limit is left out: the dead-letter topic refuses records as large as its source
 * may allow (MESSAGE_TOO_LARGE), and a dead letter that cannot be written would hold the partition
 * forever (found by the fault suite, docs/adr/0020). Its place on the source topic is in the headers.
 */
export function deadLetter(
  message: ReceivedMessage,
  consumer: string,
  reason: string,
  detail: string,
): OutgoingMessage {
  const tooLarge = message.value.length > maxMessageBytes;
  return {
    topic: deadLetterTopic(message.topic),
    key: message.key,
    value: tooLarge ? Buffer.alloc(0) : message.value,
    headers: {
      ...message.headers,
      dlt_reason: reason,
      dlt_detail: detail.slice(0, 1000),
      dlt_consumer: consumer,
      dlt_original_topic: message.topic,
      dlt_original_partition: String(message.partition),
      dlt_original_offset: message.offset.toString(),
      dlt_failed_at: new Date().toISOString(),
      ...(tooLarge ? { dlt_body_omitted_bytes: String(message.value.length) } : {}),
    },
  };
}
