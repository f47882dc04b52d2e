// The request log as operators read it: a service built by createHttpApp, its pino destination
// captured, requests injected without a network.
import http, { type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Injectable,
  Logger,
  Module,
  Post,
  Res,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { createLogger } from './logger.ts';
import { ProblemDetailsFilter } from './problem-details.filter.ts';
import { requestContext } from './request-context.ts';
import { createHttpApp } from './serve.ts';
import { nameCaller, nestLogger } from './http-logging.ts';

type Line = Record<string, unknown>;

/** Stands in for @nhip/auth's guard: the caller it verified is named on the request's lines. */
@Injectable()
class CallerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string>; raw: IncomingMessage }>();
    const subject = request.headers['x-test-subject'];
    if (subject) nameCaller(request.raw, subject);
    return true;
  }
}

@Controller()
class ProbeController {
  readonly #logger = new Logger('probe');

  @Get('probe')
  probe(@Headers() headers: Record<string, string | undefined>) {
    this.#logger.log({ step: 1 }, 'inside the request');
    return { correlationId: requestContext(headers, { subject: 'probe' }).correlationId };
  }

  /** Held open like a Server-Sent Events stream, then ended by the server. */
  @Get('probe/stream')
  stream(@Res() reply: FastifyReply): void {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
    reply.raw.write(': hello\n\n');
    setTimeout(() => reply.raw.end('event: end\ndata: {}\n\n'), 20);
  }

  @Post('probe')
  @HttpCode(200)
  async posted(@Body() body: { wait: number }) {
    // The line is logged after an await, as bulk ingest logs its progress between chunks.
    await new Promise((resolve) => setTimeout(resolve, body.wait));
    this.#logger.log({ step: 2 }, 'after an await');
    return {};
  }

  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Get('broken')
  broken(): never {
    throw new Error('disk on fire');
  }
}

@Module({
  controllers: [ProbeController],
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_GUARD, useClass: CallerGuard },
  ],
})
class ProbeModule {}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const lines: Line[] = [];
let app: NestFastifyApplication;

const linesOf = (correlationId: unknown): Line[] => lines.filter((l) => l['correlationId'] === correlationId);

/** Runs `ask` against the app listening on a free loopback port: a client's bytes over a socket. */
async function overSocket(ask: (port: number) => Promise<void>): Promise<void> {
  const server: Server = app.getHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await ask((server.address() as AddressInfo).port);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

beforeAll(async () => {
  const logger = createLogger('probe-service', {
    level: 'debug',
    destination: { write: (line: string) => lines.push(JSON.parse(line) as Line) },
  });
  app = await createHttpApp(
    { module: ProbeModule },
    {
      name: 'probe-service',
      maxBodyBytes: 1024,
      rawContentTypes: [],
      docs: { title: 'probe', description: 'probe' },
      onClose: async () => {},
      logger,
      streamRoutes: ['/probe/stream'],
      // As sign-in refuses a request without a token before its body is read.
      onArrival: (fastify) => {
        fastify.addHook('onRequest', (request, reply, done) => {
          if (request.url !== '/refused') {
            done();
            return;
          }
          logger.warn('refused as it arrived');
          void reply.code(401).send({ status: 401 });
        });
      },
    },
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
});

afterAll(async () => {
  await app.close();
});

describe('request logs', () => {
  it('close each request with one line carrying service, correlation id, actor, method, url, status, ms', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/probe?x=1',
      headers: { 'x-correlation-id': 'corr-42', 'x-test-subject': 'volunteer-7' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-correlation-id']).toBe('corr-42');
    const completed = linesOf('corr-42').filter((l) => l['msg'] === 'request completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({
      level: 'info',
      service: 'probe-service',
      correlationId: 'corr-42',
      actor: 'volunteer-7',
      method: 'GET',
      url: '/probe?x=1',
      status: 200,
    });
    expect(typeof completed[0]!['ms']).toBe('number');
    // The whole request (headers and all) is not repeated on the line.
    expect(completed[0]).not.toHaveProperty('req');
    expect(completed[0]).not.toHaveProperty('res');
  });

  it('close a stream route with the same one line, written without a request logger kept per stream', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/probe/stream?scope=66&access_token=secret.jwt.sig',
      headers: { 'x-correlation-id': 'corr-45', 'x-test-subject': 'ioc-1' },
    });
    expect(response.body).toContain('event: end');
    const completed = linesOf('corr-45').filter((l) => l['msg'] === 'request completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({
      level: 'info',
      service: 'probe-service',
      actor: 'ioc-1',
      method: 'GET',
      // A browser's token in the query never reaches the log.
      url: '/probe/stream?scope=66&access_token=[redacted]',
      status: 200,
    });
    expect(JSON.stringify(linesOf('corr-45'))).not.toContain('secret.jwt.sig');
    expect(completed[0]!['ms']).toBeGreaterThanOrEqual(15);
  });

  it('give lines logged inside the request the same correlation id and actor', async () => {
    await app.inject({
      method: 'GET',
      url: '/probe',
      headers: { 'x-correlation-id': 'corr-43', 'x-test-subject': 'volunteer-8' },
    });
    const inside = linesOf('corr-43').find((l) => l['msg'] === 'inside the request');
    expect(inside).toMatchObject({
      service: 'probe-service',
      actor: 'volunteer-8',
      context: 'probe',
      step: 1,
    });
  });

  it('keep that context for a request with a body, across awaits', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/probe',
      headers: {
        'x-correlation-id': 'corr-44',
        'x-test-subject': 'volunteer-9',
        'content-type': 'application/json',
      },
      payload: JSON.stringify({ wait: 5 }),
    });
    expect(response.statusCode).toBe(200);
    const after = linesOf('corr-44').find((l) => l['msg'] === 'after an await');
    expect(after).toMatchObject({ actor: 'volunteer-9', step: 2 });
  });

  it('keep that context for a body that arrives over a socket in pieces', async () => {
    // inject() hands the body over at once; a real client's arrives in chunks after the hooks ran.
    await overSocket(async (port) => {
      const status = await new Promise<number>((resolve, reject) => {
        const request = http.request(
          {
            port,
            host: '127.0.0.1',
            method: 'POST',
            path: '/probe',
            headers: {
              'x-correlation-id': 'corr-46',
              'x-test-subject': 'volunteer-10',
              'content-type': 'application/json',
            },
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          },
        );
        request.on('error', reject);
        request.write('{"wait":');
        setTimeout(() => request.end('5}'), 20);
      });
      expect(status).toBe(200);
      const after = linesOf('corr-46').find((l) => l['msg'] === 'after an await');
      expect(after).toMatchObject({ actor: 'volunteer-10', step: 2 });
    });
  });

  it('close a request whose client left before the answer as aborted', async () => {
    await overSocket(async (port) => {
      const request = http.request({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/probe',
        headers: { 'x-correlation-id': 'corr-47', 'content-type': 'application/json' },
      });
      request.on('error', () => {});
      request.end('{"wait":200}');
      await new Promise((resolve) => setTimeout(resolve, 50));
      request.destroy();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const closing = linesOf('corr-47').filter((l) => typeof l['status'] === 'number');
      expect(closing).toHaveLength(1);
      expect(closing[0]).toMatchObject({ msg: 'request aborted', method: 'POST', url: '/probe' });
    });
  });

  it('give a request without a correlation id a new one, echoed and seen by the controller', async () => {
    const response = await app.inject({ method: 'GET', url: '/probe' });
    const echoed = response.headers['x-correlation-id'];
    expect(echoed).toMatch(uuid);
    expect(response.json()).toEqual({ correlationId: echoed });
    expect(linesOf(echoed).map((l) => l['msg'])).toContain('request completed');
    // No caller was named (no token verified), and none leaks in from an earlier request.
    expect(linesOf(echoed).find((l) => l['msg'] === 'request completed')).not.toHaveProperty('actor');
  });

  it('replace a correlation id that is too long to repeat on every line', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/probe',
      headers: { 'x-correlation-id': 'x'.repeat(129) },
    });
    expect(response.headers['x-correlation-id']).toMatch(uuid);
  });

  it('log health checks at debug, not at info', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-correlation-id': 'corr-health' },
    });
    expect(response.statusCode).toBe(200);
    expect(linesOf('corr-health').map((l) => l['level'])).toEqual(['debug']);
  });

  it('log a 500 once with its stack under err, and close the request at error level', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/broken',
      headers: { 'x-correlation-id': 'corr-500' },
    });
    expect(response.statusCode).toBe(500);
    const logged = linesOf('corr-500');
    const failure = logged.find((l) => l['msg'] === 'request failed');
    expect(failure).toMatchObject({ level: 'error', err: { message: 'disk on fire' } });
    expect((failure!['err'] as { stack: string }).stack).toContain('ProbeController.broken');
    const closing = logged.find((l) => l['status'] === 500);
    expect(closing).toMatchObject({ level: 'error', url: '/broken' });
    expect(closing).not.toHaveProperty('err');
  });

  it('give lines logged by hooks on arrival the request context, and close a refused request', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/refused',
      headers: { 'x-correlation-id': 'corr-401' },
    });
    expect(response.statusCode).toBe(401);
    expect(linesOf('corr-401').map((l) => [l['level'], l['msg'], l['status']])).toEqual([
      ['warn', 'refused as it arrived', undefined],
      ['info', 'request completed', 401],
    ]);
  });

  it('write no request context on lines logged outside a request', async () => {
    const before = lines.length;
    new Logger('startup').log('outside any request');
    await new Promise((resolve) => setImmediate(resolve));
    const outside = lines.slice(before).find((l) => l['msg'] === 'outside any request');
    expect(outside).toMatchObject({ context: 'startup' });
    expect(outside).not.toHaveProperty('correlationId');
    expect(outside).not.toHaveProperty('actor');
  });
});

describe("Nest's logger calls", () => {
  const written: Line[] = [];
  const nest = nestLogger(
    createLogger('probe-service', {
      level: 'debug',
      destination: { write: (line: string) => written.push(JSON.parse(line) as Line) },
    }),
  );
  const last = () => written.at(-1)!;

  it('take the last argument as the context and a string after an object as the message', () => {
    nest.warn({ unit: '66' }, 'slow read', 'kpi');
    expect(last()).toMatchObject({ level: 'warn', msg: 'slow read', unit: '66', context: 'kpi' });
  });

  it('put an Error under err, and the stack Nest passes as a string back on one', () => {
    nest.error(new Error('disk on fire'), 'service');
    expect(last()).toMatchObject({ level: 'error', context: 'service', err: { message: 'disk on fire' } });
    // Nest's ExceptionsHandler: error(message, stack, context).
    nest.error('Unexpected', 'Error: Unexpected\n    at handler (x.js:1:1)', 'ExceptionsHandler');
    expect(last()).toMatchObject({
      level: 'error',
      context: 'ExceptionsHandler',
      err: { message: 'Unexpected', stack: 'Error: Unexpected\n    at handler (x.js:1:1)' },
    });
  });

  it("write Nest's boot chatter at debug and the services' own lines at info", () => {
    nest.log('Mapped {/units, GET} route', 'RouterExplorer');
    expect(last()).toMatchObject({ level: 'debug', context: 'RouterExplorer' });
    nest.log('consumer joined', 'kpi');
    expect(last()).toMatchObject({ level: 'info', msg: 'consumer joined', context: 'kpi' });
  });
});
