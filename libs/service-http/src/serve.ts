// How every service puts its Nest module on the network: Fastify with a body limit, raw file
// uploads as bytes, RFC 9457 for 413s without connection resets, OpenAPI at /docs, its message
// consumers as Nest transports, shutdown hooks that close what main.ts opened, and start-up
// failures as one sentence.
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { mountApiDocs } from './api-docs.ts';
import { answerTooLargeWithoutReset } from './body-limit.ts';

export interface ServeOptions {
  /** e.g. "registry": used in log lines and error messages. */
  readonly name: string;
  readonly port: number;
  /** The environment variable that sets the port, named in the "port in use" message. */
  readonly portVariable: string;
  readonly maxBodyBytes: number;
  /** Content types handed to controllers as raw bytes (files whose decoding is the parser's job). */
  readonly rawContentTypes: readonly string[];
  readonly docs: { readonly title: string; readonly description: string };
  /** Transports running the module's @EventPattern handlers; consuming starts before HTTP does. */
  readonly transports?: readonly CustomTransportStrategy[];
  /**
   * Closes what the service opened (consumers, relay, pool), after the HTTP server stops. Nest
   * closes the transports only after this, so close them here first, before their pool.
   */
  readonly onClose: () => Promise<void>;
}

export async function serve(module: DynamicModule, options: ServeOptions): Promise<void> {
  const adapter = new FastifyAdapter({ bodyLimit: options.maxBodyBytes });
  const fastify = adapter.getInstance();
  answerTooLargeWithoutReset(fastify);
  for (const type of options.rawContentTypes) {
    fastify.addContentTypeParser(type, { parseAs: 'buffer' }, (_req, body, done) => {
      done(null, body);
    });
  }
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  mountApiDocs(app, options.docs.title, options.docs.description);
  app.enableShutdownHooks();
  app.getHttpAdapter().getInstance().addHook('onClose', options.onClose);
  for (const strategy of options.transports ?? []) app.connectMicroservice({ strategy });
  await app.startAllMicroservices();
  await app.listen(options.port, '127.0.0.1');
  process.stdout.write(`${options.name} listening on http://127.0.0.1:${options.port} (API docs at /docs)\n`);
}

/** Ends a failed start with one sentence; configuration errors are already written for people. */
export function exitOnStartFailure(
  name: string,
  portVariable: string,
  isConfigError: (e: unknown) => boolean,
) {
  return (error: unknown): never => {
    const code = (error as { code?: string }).code;
    const message = isConfigError(error)
      ? (error as Error).message
      : code === 'EADDRINUSE'
        ? `The ${name} service's port is in use: stop what holds it, or set ${portVariable} to a free port.`
        : `${name} failed to start: ${String(error)}`;
    process.stderr.write(`✖ ${message}\n`);
    process.exit(1);
  };
}
