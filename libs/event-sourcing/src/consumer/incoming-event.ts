// Turning a Kafka message into a CloudEvent, or into a precise reason why it is poison.
import type { ReceivedMessage } from '@nhip/messaging';

export interface IncomingEvent {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly subject: string | undefined;
  readonly time: string | undefined;
  /**
   * The message's trace context; in the handler, its own consumer span's: what a row written on
   * behalf of this one event carries (`traceparent` of its outbox message) to continue its trace.
   */
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
  const refusal = headerProblem(h, isKnownType) ?? sizeProblem(message.value);
  if (refusal) return poison(...refusal);
  let data: unknown;
  try {
    data = JSON.parse(strictUtf8.decode(message.value));
  } catch (error) {
    return poison('malformed_json', `The body is not UTF-8 JSON: ${(error as Error).message}`);
  }
  const event = {
    id: h['ce_id'] ?? '',
    type: h['ce_type'] ?? '',
    source: h['ce_source'] ?? '',
    subject: h['ce_subject'],
    time: h['ce_time'],
    traceparent: h['traceparent'],
    data,
    message,
  };
  return { ok: true, event };
}

type Refusal = [PoisonReason, string];

/** The CloudEvents attributes a consumer needs, in the order a broken producer is told about them. */
function headerProblem(
  h: ReceivedMessage['headers'],
  isKnownType: (type: string) => boolean,
): Refusal | undefined {
  const type = h['ce_type'];
  if (!h['ce_id']) return ['missing_ce_id', 'The ce_id header is missing or empty.'];
  if (!type) return ['missing_ce_type', 'The ce_type header is missing or empty.'];
  const version = h['ce_specversion'];
  if (version !== undefined && version !== '1.0')
    return ['unsupported_specversion', `ce_specversion ${version} is not 1.0.`];
  if (!isKnownType(type)) return ['unknown_event_type', `No handler knows event type ${type}.`];
  return undefined;
}

function sizeProblem(value: Buffer): Refusal | undefined {
  if (value.length <= maxMessageBytes) return undefined;
  return ['oversized', `The body is ${value.length} bytes; the limit is ${maxMessageBytes}.`];
}
