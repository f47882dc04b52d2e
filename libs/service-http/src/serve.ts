// How every service puts its Nest module on the network: Fastify with a body limit, raw file
// uploads as bytes, RFC 9457 for 413s without connection resets, OpenAPI at /docs, its message
// consumers as Nest transports, shutdown hooks that close what main.ts opened, JSON-line logs
// through pino, and start-up failures as one sentence.
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { errorSummary } from '@nhip/messaging';
import { activeTraceId } from '@nhip/telemetry';
import { mountApiDocs, type ApiDocs } from './api-docs.ts';
import { answerRefusalsWithoutReset } from './body-limit.ts';
import { answerClientError } from './client-errors.ts';
import { streamBodies, type StreamedUploads } from './streamed-body.ts';
import { correlationIdOf, echoCorrelationId, logRequests, nestLogger } from './http-logging.ts';
import { createLogger, LogLevelError, readTraceIdFrom, type ServiceLogger } from './logger.ts';
import { mountMetrics } from './metrics.ts';
import { mountProbes, type ReadinessCheck } from './probes.ts';

export interface ServeOptions {
  /** e.g. "registry": used in log lines and error messages. */
  readonly name: string;
  readonly port: number;
  /** The environment variable that sets the port, named in the "port in use" message. */
  readonly portVariable: string;
  readonly maxBodyBytes: number;
  /** Content types handed to controllers as raw bytes (files whose decoding is the parser's job). */
  readonly rawContentTypes: readonly string[];
  /** File uploads handed to their routes unread, as a StreamedBody (files too large to hold whole). */
  readonly streamedUploads?: StreamedUploads;
  readonly docs: ApiDocs;
  /** Transports running the module's @EventPattern handlers; consuming starts before HTTP does. */
  readonly transports?: readonly CustomTransportStrategy[];
  /**
   * Closes what the service opened (consumers, relay, pool), after the HTTP server stops. Nest
   * closes the transports only after this, so close them here first, before their pool.
   */
  readonly onClose: () => Promise<void>;
  /** The service's root logger (createLogger), shared with what main.ts logs outside requests. */
  readonly logger?: ServiceLogger;
  /** What /health/ready checks (the database, the broker): 503 naming each one that fails. */
  readonly readiness?: readonly ReadinessCheck[];
  /** Hooks that may answer a request as it arrives, before its body is read (sign-in's refusal). */
  readonly onArrival?: (fastify: FastifyInstance) => void;
  /** GET routes held open for minutes (e.g. '/api/stream'): logged by logRequests when they close. */
  readonly streamRoutes?: readonly string[];
}

/** The Nest application serve() listens with, built but not listening: what tests inject into. */
export async function createHttpApp(
  module: DynamicModule,
  options: Omit<ServeOptions, 'port' | 'portVariable'>,
): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger(options.name);
  // No service mounts Nest middleware: without @fastify/middie no request passes through its hook.
  const adapter = new FastifyAdapter({
    bodyLimit: options.maxBodyBytes,
    genReqId: correlationIdOf,
    skipMiddie: true,
    clientErrorHandler: answerClientError,
  });
  const fastify = adapter.getInstance();
  // Fastify reads text/plain as a string, which a JSON route then refused as "body: must be
  // object": a 415 instead. Kept where a route reads a file whole (a CSV sent as text/plain
  // reaches the route, whose 415 names text/csv).
  if (options.rawContentTypes.length === 0) fastify.removeContentTypeParser('text/plain');
  echoCorrelationId(fastify);
  // Before onArrival's hooks, so what they log carries the request's context and a request
  // refused as it arrives still has its closing line.
  logRequests(fastify, logger, options.streamRoutes ?? []);
  answerRefusalsWithoutReset(fastify);
  options.onArrival?.(fastify);
  mountProbes(fastify, options.name, options.readiness ?? []);
  mountMetrics(fastify);
  // Log lines written inside a traced request or consumer carry its trace id.
  readTraceIdFrom(activeTraceId);
  for (const type of options.rawContentTypes) {
    fastify.addContentTypeParser(type, { parseAs: 'buffer' }, (_req, body, done) => {
      done(null, body);
    });
  }
  streamBodies(fastify, options.streamedUploads ?? { routes: [], types: [] }, options.maxBodyBytes);
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(nestLogger(logger));
  mountApiDocs(app, options.docs);
  // Ended with process.exit rather than the signal raised again: only an exit lets pino flush the
  // asynchronous log (the shutdown's own lines), and a container's PID 1 ignores its own SIGTERM.
  app.enableShutdownHooks([], { useProcessExit: true });
  app.getHttpAdapter().getInstance().addHook('onClose', options.onClose);
  return app;
}

export async function serve(module: DynamicModule, options: ServeOptions): Promise<void> {
  const logger = options.logger ?? createLogger(options.name);
  const app = await createHttpApp(module, { ...options, logger });
  for (const strategy of options.transports ?? []) app.connectMicroservice({ strategy });
  await app.startAllMicroservices();
  // Loopback unless told otherwise: a container sets HTTP_HOST=0.0.0.0 (its Dockerfile does).
  const host = process.env['HTTP_HOST'] ?? '127.0.0.1';
  await app.listen(options.port, host);
  const url = `http://${host}:${options.port}`;
  logger.info({ url }, `${options.name} listening on ${url} (API docs at /docs)`);
}

/** Ends a failed start with one sentence; configuration errors are already written for people. */
export function exitOnStartFailure(
  name: string,
  portVariable: string,
  isConfigError: (e: unknown) => boolean,
) {
  return (error: unknown): never => {
    const code = (error as { code?: string }).code;
    const message =
      isConfigError(error) || error instanceof LogLevelError
        ? (error as Error).message
        : code === 'EADDRINUSE'
          ? `The ${name} service's port is in use: stop what holds it, or set ${portVariable} to a free port.`
          : `${name} failed to start: ${errorSummary(error)}`;
    // The one line a person reads when a start fails (npm start shows it from the log's tail).
    // eslint-disable-next-line no-restricted-properties
    process.stderr.write(`✖ ${message}\n`);
    process.exit(1);
  };
}
