// Turning a Kafka message into a CloudEvent, or into a precise reason why it is poison.
import type { ReceivedMessage } from '@nhip/messaging';

export interface IncomingEvent {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly subject: string | undefined;
  readonly time: string | undefined;
  readonly traceparent: string | undefined;
  readonly data: unknown;
  readonly message: ReceivedMessage;
}

export type PoisonReason =
  | 'missing_ce_id'
  | 'missing_ce_type'
  | 'unsupported_specversion'
  | 'unknown_event_type'
  | 'oversized'
  | 'malformed_json';

export type Parsed =
  | { readonly ok: true; readonly event: IncomingEvent }
  | {
      readonly ok: false;
      readonly reason: PoisonReason;
      readonly detail: string;
      readonly message: ReceivedMessage;
    };

export const maxMessageBytes = 1024 * 1024;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function parseIncoming(message: ReceivedMessage, isKnownType: (type: string) => boolean): Parsed {
  const h = message.headers;
  const poison = (reason: PoisonReason, detail: string): Parsed => ({ ok: false, reason, detail, message });
  const id = h['ce_id'];
  const type = h['ce_type'];
  if (!id) return poison('missing_ce_id', 'The ce_id header is missing or empty.');
  if (!type) return poison('missing_ce_type', 'The ce_type header is missing or empty.');
  if (h['ce_specversion'] !== undefined && h['ce_specversion'] !== '1.0') {
    return poison('unsupported_specversion', `ce_specversion ${h['ce_specversion']} is not 1.0.`);
  }
  if (!isKnownType(type)) return poison('unknown_event_type', `No handler knows event type ${type}.`);
  if (message.value.length > maxMessageBytes) {
    return poison('oversized', `The body is ${message.value.length} bytes; the limit is ${maxMessageBytes}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(strictUtf8.decode(message.value));
  } catch (error) {
    return poison('malformed_json', `The body is not UTF-8 JSON: ${(error as Error).message}`);
  }
  return {
    ok: true,
    event: {
      id,
      type,
      source: h['ce_source'] ?? '',
      subject: h['ce_subject'],
      time: h['ce_time'],
      traceparent: h['traceparent'],
      data,
      message,
    },
  };
}
