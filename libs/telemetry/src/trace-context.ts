// W3C trace context across Kafka, with the OpenTelemetry API only: without a started SDK every
// call here is a no-op (no span is recorded, the traceparent read is undefined), so libraries use
// it unconditionally. One trace runs request → append → outbox row → relay publish → consumer.
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';

const tracer = () => trace.getTracer('@nhip/telemetry');

/** The active span's trace id, for log lines (readTraceIdFrom in libs/service-http). */
export const activeTraceId = (): string | undefined => trace.getActiveSpan()?.spanContext().traceId;

/**
 * Names the active HTTP server span after its route pattern (`POST /units/:code`), which only the
 * framework knows; the http instrumentation sees the raw path.
 */
export function nameServerSpan(method: string, route: string | undefined): void {
  const span = trace.getActiveSpan();
  if (route === undefined || !span?.isRecording()) return;
  span.setAttribute('http.route', route);
  span.updateName(`${method} ${route}`);
}

/** The active context as a `traceparent` value, to store beside what it caused (an outbox row). */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

function contextOf(traceparent: string | undefined): Context {
  if (traceparent === undefined) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}

/** Runs `work` inside a span, ended (with an error status if it throws) when it settles. */
export async function inSpan<T>(name: string, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

export function failed(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : '' });
}

/**
 * A producer span for one message, child of the context its row stored. Its own traceparent goes
 * on the message, so the consumer's span is a child of the publish; without an SDK (no span
 * recorded) the stored traceparent is passed on unchanged.
 */
export function startPublishSpan(
  traceparent: string | undefined,
  topic: string,
): { span: Span; traceparent: string | undefined } {
  const span = tracer().startSpan(
    `publish ${topic}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': topic,
      },
    },
    contextOf(traceparent),
  );
  if (!span.isRecording()) return { span, traceparent };
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(ROOT_CONTEXT, span), carrier);
  return { span, traceparent: carrier['traceparent'] ?? traceparent };
}

export interface ConsumedMessage {
  readonly traceparent: string | undefined;
  readonly topic: string;
  readonly group: string;
}

/**
 * Whether an SDK is started: it installs the W3C propagator, without which the global one is a
 * no-op carrying no fields. Without one, a consumer skips its per-message trace work altogether.
 */
export const tracingActive = (): boolean => propagation.fields().length > 0;

function consumerSpan({ traceparent, topic, group }: ConsumedMessage): Span {
  return tracer().startSpan(
    `process ${topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': topic,
        'messaging.consumer.group.name': group,
      },
    },
    contextOf(traceparent),
  );
}

function traceparentOf(span: Span, fallback: string | undefined): string | undefined {
  if (!span.isRecording()) return fallback;
  const carrier: Record<string, string> = {};
  propagation.inject(trace.setSpan(ROOT_CONTEXT, span), carrier);
  return carrier['traceparent'] ?? fallback;
}

/** The span a batch's handler runs in, and every span to end: a batch of one runs in its message's. */
function batchSpanOf(spans: readonly Span[]): [Span | undefined, readonly Span[]] {
  if (spans.length <= 1) return [spans[0], spans];
  const batch = tracer().startSpan(
    `process batch of ${spans.length}`,
    { kind: SpanKind.CONSUMER, links: spans.map((span) => ({ context: span.spanContext() })) },
    ROOT_CONTEXT,
  );
  return [batch, [batch, ...spans]];
}

/**
 * One consumer span per message, each a child of its message's trace (a batch spans many traces),
 * open while `work` runs. `work` hears each message's own context (its span's traceparent), for
 * what it writes on behalf of that message alone (an outbox row's `traceparent`). What it writes
 * for the batch as a whole belongs to no one message: it runs in a batch span of its own, linked
 * to every message's span, except for a batch of one, which runs in that message's span. Without
 * an SDK nothing is created: `work` hears the messages' traceparents as they came.
 */
export async function inConsumerSpans<T>(
  messages: readonly ConsumedMessage[],
  work: (traceparents: readonly (string | undefined)[]) => Promise<T>,
): Promise<T> {
  if (!tracingActive()) return work(messages.map((m) => m.traceparent));
  const spans = messages.map(consumerSpan);
  const own = spans.map((span, i) => traceparentOf(span, messages[i]?.traceparent));
  const [active, all] = batchSpanOf(spans);
  try {
    return await (active ? context.with(trace.setSpan(ROOT_CONTEXT, active), () => work(own)) : work(own));
  } catch (error) {
    for (const span of all) failed(span, error);
    throw error;
  } finally {
    for (const span of all) span.end();
  }
}
