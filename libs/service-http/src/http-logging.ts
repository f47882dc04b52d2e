// How a request shows in the log (ADR 0014): every line logged while serving it carries the
// correlation id and the signed-in caller; one line closes it with method, url, status and ms.
// Written as two Fastify hooks around the request (ADR 0047): no middleware layer, no logger made
// per request.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { requestLogContext, type RequestLogContext } from './log-context.ts';
import type { ServiceLogger } from './logger.ts';

// Printable ASCII, bounded: the id is written on every line and stored with every event.
const acceptableCorrelationId = /^[\x21-\x7e]{1,128}$/;

/**
 * A new id as one flat string: `randomUUID()` answers a rope of its pieces (V8 keeps a
 * concatenation unflattened until something reads it whole), 14 string objects, ~0.45 KB. A live
 * stream's request keeps its id for hours, on thousands of streams; the copy costs a microsecond.
 */
const flatUuid = (): string => Buffer.from(randomUUID(), 'latin1').toString('latin1');

/**
 * Fastify's request id: the client's X-Correlation-Id, or a new one. It is put back on the
 * request so requestContext(headers) in the controllers sees the id that is logged.
 */
export function correlationIdOf(req: IncomingMessage): string {
  const given = req.headers['x-correlation-id'];
  const id = typeof given === 'string' && acceptableCorrelationId.test(given) ? given : flatUuid();
  req.headers['x-correlation-id'] = id;
  return id;
}

/** Every answer names its correlation id, so a client can quote it when something went wrong. */
export function echoCorrelationId(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-correlation-id', request.id);
    done();
  });
}

const contextKey = Symbol('requestLogContext');
const openedAt = Symbol('openedAt');
// Set on a stream route's request: a client leaving is how most streams end, not an abort.
const heldOpen = Symbol('heldOpen');
type LoggedRequest = IncomingMessage & {
  [contextKey]?: RequestLogContext;
  [openedAt]?: number;
  [heldOpen]?: boolean;
};

/**
 * Names the signed-in caller on every line logged for the rest of the request and on its closing
 * line. Called once the token is verified; a request refused before that has no actor.
 */
export function nameCaller(req: IncomingMessage, subject: string): void {
  const context = (req as LoggedRequest)[contextKey];
  if (context !== undefined) context.actor = subject;
}

// A browser's EventSource cannot set headers, so its bearer token comes as ?access_token=: a log
// line must never carry it.
export const loggedUrl = (url: string): string => url.replace(/([?&]access_token=)[^&#]*/gi, '$1[redacted]');

// Probes and Prometheus' scrapes come every few seconds: logged at debug, not as traffic.
const isHealthCheck = (url: string): boolean => /^\/(health|metrics)(\/|\?|$)/.test(url);

// A 503 says a dependency is away: the outage is logged once where it is seen (the pool), so
// each refused request or probe is a warning, not an error with a stack. A 5xx was logged with its
// stack by ProblemDetailsFilter, under the same correlation id: the closing line only says so.
function levelOf(healthCheck: boolean, status: number): 'debug' | 'info' | 'warn' | 'error' {
  if (status === 503) return healthCheck ? 'debug' : 'warn';
  if (status >= 500) return 'error';
  return healthCheck ? 'debug' : 'info';
}

function closingMessage(req: LoggedRequest, res: ServerResponse): string {
  if (res.statusCode >= 500) return 'request errored';
  return res.writableEnded || req[heldOpen] === true ? 'request completed' : 'request aborted';
}

/**
 * The request log. As a request arrives, its context (correlation id, later the caller) is made
 * and the rest of its handling runs inside it, so hooks registered after this one, guards,
 * controllers and whatever they await log with it. The closing line is written when the response
 * closes: answered, or the client gone before the answer ("request aborted").
 *
 * A route held open for minutes (Server-Sent Events, `streamRoutes`) runs outside any context:
 * what it starts for every stream (a shared subscription, timers) must not log as the first
 * stream's request. Nothing is kept per request but three symbols on it and one listener shared by
 * every response (ADR 0035).
 */
export function logRequests(
  fastify: FastifyInstance,
  logger: ServiceLogger,
  streamRoutes: readonly string[] = [],
): void {
  const streams = new Set(streamRoutes);
  // One function for every response, reading what it needs from it: no closure per request.
  function closed(this: ServerResponse): void {
    const req = this.req as LoggedRequest;
    const context = req[contextKey];
    const url = req.url ?? '';
    // Given explicitly, so the line is right whatever context the listener runs in; an undefined
    // actor is left off the line.
    logger[levelOf(isHealthCheck(url), this.statusCode)](
      {
        correlationId: context?.correlationId,
        actor: context?.actor,
        method: req.method,
        url: loggedUrl(url),
        status: this.statusCode,
        ms: Math.round(performance.now() - (req[openedAt] ?? performance.now())),
      },
      closingMessage(req, this),
    );
  }
  fastify.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw as LoggedRequest;
    const context: RequestLogContext = { correlationId: request.id };
    raw[contextKey] = context;
    raw[openedAt] = performance.now();
    reply.raw.on('close', closed);
    if (request.method === 'GET' && streams.has(request.routeOptions.url ?? '')) {
      raw[heldOpen] = true;
      done();
      return;
    }
    requestLogContext.run(context, done);
  });
}

// What Nest says while it boots (modules initialised, each route mapped) is a dozen lines per
// start that matter only when the wiring is in doubt.
const frameworkContexts = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

// Nest's exception handlers call error(message, stack, context) with the stack as a string.
const isStackTrace = (value: unknown): value is string => typeof value === 'string' && /\n\s*at /.test(value);

function withStack(message: string, stack: string): Error {
  const error = new Error(message);
  error.stack = stack;
  return error;
}

/**
 * Nest's own logger calls (`new Logger('context').log(message, …)`) as pino lines: the last
 * argument is the context, an object message gives the line's fields (an Error goes under `err`),
 * and a string after it is the line's message. Nest's boot chatter goes at debug.
 */
export function nestLogger(logger: ServiceLogger): LoggerService {
  const call = (level: Level, message: unknown, params: readonly unknown[]): void => {
    const context = params.at(-1);
    const rest = params.slice(0, -1);
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    if (typeof message === 'object' && message !== null) {
      Object.assign(fields, message instanceof Error ? { err: message } : message);
      logger[level](fields, ...(rest as [string?, ...unknown[]]));
    } else if (level === 'error' && rest.length === 1 && isStackTrace(rest[0])) {
      logger.error({ ...fields, err: withStack(String(message), rest[0]) });
    } else {
      logger[level](fields, String(message), ...rest);
    }
  };
  return {
    log: (message: unknown, ...params: unknown[]) => {
      const context = params.at(-1);
      call(typeof context === 'string' && frameworkContexts.has(context) ? 'debug' : 'info', message, params);
    },
    error: (message: unknown, ...params: unknown[]) => call('error', message, params),
    warn: (message: unknown, ...params: unknown[]) => call('warn', message, params),
    debug: (message: unknown, ...params: unknown[]) => call('debug', message, params),
    verbose: (message: unknown, ...params: unknown[]) => call('trace', message, params),
    fatal: (message: unknown, ...params: unknown[]) => call('fatal', message, params),
  };
}
