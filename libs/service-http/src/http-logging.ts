// How a request shows in the log (ADR 0014): every line logged while serving it carries the
// correlation id and the signed-in caller; one line closes it with method, url, status and ms.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod, type LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { PinoLogger, type Logger, type Params } from 'nestjs-pino';
import type { ServiceLogger } from './logger.ts';

// Printable ASCII, bounded: the id is written on every line and stored with every event.
const acceptableCorrelationId = /^[\x21-\x7e]{1,128}$/;

/**
 * Fastify's request id: the client's X-Correlation-Id, or a new one. It is put back on the
 * request so requestContext(headers) in the controllers sees the id that is logged.
 */
export function correlationIdOf(req: IncomingMessage): string {
  const given = req.headers['x-correlation-id'];
  const id = typeof given === 'string' && acceptableCorrelationId.test(given) ? given : randomUUID();
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

// assign() only touches the request's logging context (AsyncLocalStorage); PinoLogger's constructor
// would replace the root logger, so the instance is made without running it.
const requestLogger = Object.create(PinoLogger.prototype) as PinoLogger;

const actorKey = Symbol('actor');
// Set on a stream route's request (logStreamRoutes): it has no request logging context to assign to.
const openedAt = Symbol('openedAt');
const actorOf = (req: IncomingMessage): string | undefined => (req as { [actorKey]?: string })[actorKey];

/**
 * Names the signed-in caller on every line logged for the rest of the request and on its closing
 * line. Called once the token is verified; a request refused before that has no actor.
 */
export function nameCaller(req: IncomingMessage, subject: string): void {
  (req as { [actorKey]?: string })[actorKey] = subject;
  // Not with assignResponse: nestjs-pino would set it on a response logger other requests share.
  if ((req as { [openedAt]?: number })[openedAt] === undefined) requestLogger.assign({ actor: subject });
}

// Middleware may see a path relative to where it is mounted; originalUrl is what the client asked.
const urlOf = (req: IncomingMessage): string =>
  (req as { originalUrl?: string }).originalUrl ?? req.url ?? '';

// A browser's EventSource cannot set headers, so its bearer token comes as ?access_token=: a log
// line must never carry it.
export const loggedUrl = (url: string): string => url.replace(/([?&]access_token=)[^&#]*/gi, '$1[redacted]');

// Probes and Prometheus' scrapes come every few seconds: logged at debug, not as traffic.
const isHealthCheck = (req: IncomingMessage): boolean => /^\/(health|metrics)(\/|\?|$)/.test(urlOf(req));

// A 503 says a dependency is away: the outage is logged once where it is seen (the pool), so
// each refused request or probe is a warning, not an error with a stack.
function levelOf(healthCheck: boolean, status: number, error: unknown): 'debug' | 'info' | 'warn' | 'error' {
  if (status === 503) return healthCheck ? 'debug' : 'warn';
  if (error !== undefined || status >= 500) return 'error';
  return healthCheck ? 'debug' : 'info';
}

function requestSummary(req: IncomingMessage, res: ServerResponse, responseTime: number) {
  return { method: req.method, url: loggedUrl(urlOf(req)), status: res.statusCode, ms: responseTime };
}

export function httpLogging(logger: ServiceLogger, streamRoutes: readonly string[] = []): Params {
  return {
    // nestjs-pino's default route, '{/*splat}', becomes '/{/*splat}' in @fastify/middie 9.3, which
    // matches no request; this one matches every path, '/' included.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    exclude: streamRoutes.map((route) => ({ path: route.replace(/^\//, ''), method: RequestMethod.GET })),
    pinoHttp: {
      logger,
      // @fastify/middie hands the middleware Fastify's request id (correlationIdOf) as req.id.
      // Asked at the start (no actor yet) and again for the closing line, by then named by nameCaller.
      customProps: (req) => ({
        correlationId: req.id,
        ...(actorOf(req) === undefined ? {} : { actor: actorOf(req) }),
      }),
      // pino-http binds the whole request (headers included) to every line; the two fields above
      // are what is worth repeating, so the request binding serialises to nothing and is dropped.
      serializers: { req: () => undefined },
      quietResLogger: true,
      customLogLevel: (req, res, error) => levelOf(isHealthCheck(req), res.statusCode, error),
      customSuccessObject: (req, res, value: { responseTime: number }) =>
        requestSummary(req, res, value.responseTime),
      // A 5xx was logged with its stack by ProblemDetailsFilter, under the same correlation id;
      // pino-http's stand-in error ("failed with status code 500") would add nothing.
      customErrorObject: (req, res, error, value: { responseTime: number }) => ({
        ...requestSummary(req, res, value.responseTime),
        ...(res.statusCode >= 500 ? {} : { err: error }),
      }),
    },
  };
}

/**
 * The closing line of a route held open for minutes (Server-Sent Events), written as pino-http
 * writes it but from one listener on the response's close (ended by the server or by the client):
 * pino-http's per-request child loggers, log arrays and response listeners would otherwise be kept
 * for the connection's whole life, ~1 KB a stream (ADR 0035). Lines logged while such a request is
 * checked carry no correlation id; its closing line does.
 */
export function logStreamRoutes(
  fastify: FastifyInstance,
  logger: ServiceLogger,
  routes: readonly string[],
): void {
  if (routes.length === 0) return;
  const streams = new Set(routes);
  // One function for every stream, reading what it needs from the response: no closure per stream.
  function closed(this: ServerResponse): void {
    const req = this.req;
    const actor = actorOf(req);
    const since = (req as { [openedAt]?: number })[openedAt] ?? performance.now();
    logger[levelOf(false, this.statusCode, undefined)](
      {
        correlationId: req.headers['x-correlation-id'],
        ...(actor === undefined ? {} : { actor }),
        ...requestSummary(req, this, Math.round(performance.now() - since)),
      },
      this.statusCode >= 500 ? 'request errored' : 'request completed',
    );
  }
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.method === 'GET' && streams.has(request.routeOptions.url ?? '')) {
      (request.raw as { [openedAt]?: number })[openedAt] = performance.now();
      reply.raw.on('close', closed);
    }
    done();
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

/** Nest's own logger calls through pino, its boot chatter at debug. */
export function nestLogger(logger: Logger): LoggerService {
  return {
    log: (message: unknown, ...params: unknown[]) => {
      const context = params.at(-1);
      if (typeof context === 'string' && frameworkContexts.has(context)) logger.debug(message, ...params);
      else logger.log(message, ...params);
    },
    error: (message: unknown, ...params: unknown[]) => logger.error(message, ...params),
    warn: (message: unknown, ...params: unknown[]) => logger.warn(message, ...params),
    debug: (message: unknown, ...params: unknown[]) => logger.debug(message, ...params),
    verbose: (message: unknown, ...params: unknown[]) => logger.verbose(message, ...params),
    fatal: (message: unknown, ...params: unknown[]) => logger.fatal(message, ...params),
  };
}
