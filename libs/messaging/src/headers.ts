import type { MessageHeaders } from './messaging.port.ts';

/** Kafka headers are bytes; the port's are UTF-8 text. A repeated header keeps its last value. */
export function headersFromKafka(
  entries: Iterable<readonly [Buffer | string, Buffer | string | undefined]>,
): MessageHeaders {
  const headers: Record<string, string> = {};
  for (const [key, value] of entries) {
    headers[key.toString()] = value === undefined ? '' : value.toString();
  }
  return headers;
}

export function headersToKafka(headers: MessageHeaders | undefined): Map<string, string> {
  return new Map(Object.entries(headers ?? {}));
}
