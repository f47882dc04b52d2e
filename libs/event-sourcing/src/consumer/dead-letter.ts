import type { OutgoingMessage, ReceivedMessage } from '@nhip/messaging';

export const deadLetterTopic = (topic: string): string => `${topic}.dlt`;

/** The original bytes, key and headers, plus why and where from, on `<topic>.dlt`. */
export function deadLetter(
  message: ReceivedMessage,
  consumer: string,
  reason: string,
  detail: string,
): OutgoingMessage {
  return {
    topic: deadLetterTopic(message.topic),
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      dlt_reason: reason,
      dlt_detail: detail.slice(0, 1000),
      dlt_consumer: consumer,
      dlt_original_topic: message.topic,
      dlt_original_partition: String(message.partition),
      dlt_original_offset: message.offset.toString(),
      dlt_failed_at: new Date().toISOString(),
    },
  };
}
