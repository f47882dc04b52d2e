import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createLogger, logLevelFromEnv, LogLevelError, readTraceIdFrom } from './logger.ts';

type Line = Record<string, unknown>;

function capture(level = 'info') {
  const lines: Line[] = [];
  const raw: string[] = [];
  const logger = createLogger('relay-host', {
    level,
    destination: {
      write: (line: string) => {
        raw.push(line);
        lines.push(JSON.parse(line) as Line);
      },
    },
  });
  return { logger, lines, raw };
}

afterEach(() => readTraceIdFrom(() => undefined));

describe('createLogger', () => {
  it('writes one JSON line per call with the service, a level name and an ISO time', () => {
    const { logger, lines, raw } = capture();
    logger.info({ done: 3, total: 10 }, 'bulk progress');
    expect(raw).toHaveLength(1);
    expect(raw[0]!.endsWith('\n')).toBe(true);
    expect(raw[0]!.trimEnd()).not.toContain('\n');
    expect(lines[0]).toMatchObject({ level: 'info', service: 'relay-host', msg: 'bulk progress', done: 3 });
    expect(new Date(lines[0]!['time'] as string).toISOString()).toBe(lines[0]!['time']);
  });

  it('logs an error with its stack under err', () => {
    const { logger, lines } = capture();
    const error = new Error('broker unreachable');
    logger.error({ err: error }, 'outbox relay failed');
    expect(lines[0]).toMatchObject({ level: 'error', err: { type: 'Error', message: 'broker unreachable' } });
    expect((lines[0]!['err'] as { stack: string }).stack).toBe(error.stack);
  });

  it("says an error's many causes once each, and leaves nested values out of the line", () => {
    const { logger, lines, raw } = capture();
    // The shape of a Kafka client's error after a broker restart: one error per partition per
    // attempt, each with the broker's whole answer attached.
    const answer = { topics: Array.from({ length: 2_000 }, (_, i) => ({ name: `topic-${i}` })) };
    const attempts = Array.from(
      { length: 4 },
      () =>
        new AggregateError(
          Array.from({ length: 600 }, () =>
            Object.assign(new Error('There is no leader for this topic-partition.'), { canRetry: true }),
          ),
          'Received response with error',
        ),
    );
    const error = Object.assign(new AggregateError(attempts, 'metadata failed 4 times.'), {
      code: 'PLT_KFK_MULTIPLE',
      response: answer,
    });
    logger.warn({ err: error }, 'kafka consumer unreachable');
    expect(lines[0]!['err']).toMatchObject({
      type: 'AggregateError',
      code: 'PLT_KFK_MULTIPLE',
      message: 'metadata failed 4 times: There is no leader for this topic-partition (×2400)',
    });
    expect(raw[0]!.length).toBeLessThan(4_000);
  });

  it("keeps a driver's plain fields on an error (a PostgreSQL refusal's code, detail, constraint)", () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('duplicate key value violates unique constraint "kpi_pkey"'), {
      code: '23505',
      detail: 'Key (id)=(7) already exists.',
      constraint: 'kpi_pkey',
    });
    logger.error({ err: error }, 'write failed');
    expect(lines[0]!['err']).toMatchObject({
      code: '23505',
      detail: 'Key (id)=(7) already exists.',
      constraint: 'kpi_pkey',
      message: 'duplicate key value violates unique constraint "kpi_pkey"',
    });
  });

  it('drops lines below its level', () => {
    const { logger, lines } = capture('warn');
    logger.info('not shown');
    logger.warn('shown');
    expect(lines.map((l) => l['msg'])).toEqual(['shown']);
  });

  it('adds traceId only once a trace id source is hooked in and has an active trace', () => {
    const { logger, lines } = capture();
    logger.info('before tracing');
    let active: string | undefined = '4bf92f3577b34da6a3ce929d0e0e4736';
    readTraceIdFrom(() => active);
    logger.info('inside a span');
    active = undefined;
    logger.info('outside any span');
    expect(lines.map((l) => l['traceId'])).toEqual([
      undefined,
      '4bf92f3577b34da6a3ce929d0e0e4736',
      undefined,
    ]);
  });
});

describe('LOG_LEVEL', () => {
  it('defaults to info', () => {
    expect(logLevelFromEnv({})).toBe('info');
  });

  it('is refused with the levels to choose from when it is not a level', () => {
    expect(() => logLevelFromEnv({ LOG_LEVEL: 'verbose' })).toThrow(LogLevelError);
    expect(() => logLevelFromEnv({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL=verbose .*debug/);
  });
});

describe('standard output', () => {
  it('is written asynchronously, yet every line logged before process.exit reaches it', () => {
    // A child process logs and exits at once, as a failed start does: nothing may be lost.
    const script = `
      import { createLogger } from ${JSON.stringify(new URL('./logger.ts', import.meta.url).href)};
      const log = createLogger('exit-probe', { level: 'info' });
      for (let i = 0; i < 2000; i++) log.info({ i }, 'line');
      log.fatal('stopping');
      process.exit(1);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.status).toBe(1);
    const lines = child.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    expect(lines).toHaveLength(2001);
    expect(lines.slice(0, -1).map((l) => l['i'])).toEqual(Array.from({ length: 2000 }, (_, i) => i));
    expect(lines.at(-1)).toMatchObject({ level: 'fatal', msg: 'stopping', service: 'exit-probe' });
  });
});
