// One JSON line per event, the same shape inside and outside Nest (ADR 0014): what serve() hands
// to Nest (nestLogger) and what main.ts gives the outbox relay and the consumers.
import { errorSummary } from '@nhip/messaging';
import { pino, type DestinationStream, type Logger } from 'pino';
import { requestLogFields } from './log-context.ts';

export type ServiceLogger = Logger;

const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A LOG_LEVEL that is not a level; a configuration error, said as one sentence at start-up. */
export class LogLevelError extends Error {
  override readonly name = 'LogLevelError';
}

export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const level = env['LOG_LEVEL'] ?? 'info';
  if (!(levels as readonly string[]).includes(level)) {
    throw new LogLevelError(`LOG_LEVEL=${level} is not a log level: use one of ${levels.join(', ')}.`);
  }
  return level;
}

let activeTraceId: () => string | undefined = () => undefined;

/**
 * The tracing hook: once OpenTelemetry is set up, it calls this with
 * `() => trace.getActiveSpan()?.spanContext().traceId`, and every line logged inside a span
 * carries `traceId`. Until then no line has one.
 */
export function readTraceIdFrom(source: () => string | undefined): void {
  activeTraceId = source;
}

// A new object every line: pino merges the line's own fields into it, so a field given explicitly
// (the closing line's correlation id and actor) wins over the context's.
function lineMixin(): { traceId?: string; correlationId?: string; actor?: string } {
  const fields: { traceId?: string; correlationId?: string; actor?: string } = requestLogFields();
  const traceId = activeTraceId();
  if (traceId !== undefined) fields.traceId = traceId;
  return fields;
}

/**
 * An error under `err`: pino's own fields (type, stack, code and the other plain values a driver
 * puts on it, a PostgreSQL error's detail and constraint) with its causes said once each as the
 * message. Nested values are left out: a Kafka client's error after a broker restart wraps one
 * error per partition per attempt and the broker's whole answer, 2.3 MB on one line as pino writes
 * it, more than log collectors take.
 */
function errorField(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: errorSummary(error) };
  const plain = Object.entries(pino.stdSerializers.err(error) as Record<string, unknown>).filter(
    ([, value]) => typeof value !== 'object' || value === null,
  );
  return { ...Object.fromEntries(plain), message: errorSummary(error, 2_000) };
}

export interface LoggerOptions {
  /** Where the lines go; standard output unless a test captures them. */
  readonly destination?: DestinationStream;
  readonly level?: string;
}

/**
 * The service's root logger: `service` on every line, errors with their stack under `err`, and
 * inside a request its correlation id and caller.
 */
export function createLogger(service: string, options: LoggerOptions = {}): ServiceLogger {
  return pino(
    {
      level: options.level ?? logLevelFromEnv(),
      base: { service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names, not pino's numbers: the file is read by people as well as by collectors.
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: errorField },
      mixin: lineMixin,
    },
    options.destination ?? standardOutput(),
  );
}

/**
 * Standard output, written without holding the event loop: the lines logged while a write is out
 * go together in the next. Written synchronously, the request log line cost a drill-down about as
 * much as its database read under load (ADR 0040). pino flushes what is pending when the process
 * exits, a fatal start-up error's line included.
 */
export const standardOutput = (fd = 1): DestinationStream =>
  // A reader that stops (a stalled pipe) makes lines wait in memory: past 16 MB they are dropped
  // rather than the service growing without bound; a blocking write would have stalled it instead.
  pino.destination({ dest: fd, sync: false, maxLength: 16 * 1024 * 1024 });
