// The crash evidence a fault run reports: unplanned exits only, each with its own process's words.
import { describe, expect, it } from '@jest/globals';
import { startMarker } from '../../platform/supervision.ts';
import { crashesIn } from './crashes.ts';

const event = (fields: Record<string, unknown>) =>
  JSON.stringify({ at: 'now', service: 'projection', ...fields });
const log = (pid: number, level: string, msg: string, err?: string) =>
  JSON.stringify({
    level,
    time: 'now',
    service: 'projection',
    pid,
    msg,
    ...(err ? { err: { message: err } } : {}),
  });

describe('crashes in a fault run', () => {
  it('lists no crash when the only exits are planned kills and the final stop', () => {
    const events = [
      event({ event: 'start', pid: 10 }),
      event({ event: 'exit', pid: 10, code: null, signal: 'SIGKILL', uptimeMs: 5_000 }),
      event({ event: 'restart', pid: 11 }),
      event({ event: 'exit', pid: 11, code: 0, signal: null, uptimeMs: 9_000, expected: true }),
    ].join('\n');
    expect(crashesIn(events, '')).toEqual([]);
  });

  it("gives each crash its own process's warnings, errors and stderr, even one that died before logging", () => {
    const events = [
      event({ event: 'start', pid: 10 }),
      event({ event: 'exit', pid: 10, code: null, signal: 'SIGKILL', uptimeMs: 5_000 }),
      event({ event: 'restart', pid: 11 }),
      event({ event: 'exit', pid: 11, code: 1, signal: null, uptimeMs: 800 }),
      event({ event: 'restart', pid: 12 }),
      event({ event: 'exit', pid: 12, code: 1, signal: null, uptimeMs: 300 }),
    ].join('\n');
    const output = [
      startMarker(10, 0).trim(),
      log(10, 'info', 'projection listening'),
      log(10, 'error', 'projection input failed', 'batch one failed'),
      'failpoint consumer:before-db-commit: SIGKILL',
      startMarker(11, 1).trim(),
      log(11, 'info', 'migrations run'),
      log(11, 'warn', 'kafka consumer projection.inputs unreachable', 'joinGroup failed 4 times.'),
      '✖ projection failed to start: Error: joinGroup failed 4 times.',
      startMarker(12, 2).trim(),
      '✖ The projection service’s port is in use: stop what holds it, or set PROJECTION_PORT to a free port.',
    ].join('\n');
    expect(crashesIn(events, output)).toEqual([
      {
        pid: 11,
        code: 1,
        signal: null,
        uptimeMs: 800,
        lastWords: [
          'warn kafka consumer projection.inputs unreachable: joinGroup failed 4 times.',
          '✖ projection failed to start: Error: joinGroup failed 4 times.',
        ],
      },
      {
        pid: 12,
        code: 1,
        signal: null,
        uptimeMs: 300,
        lastWords: [
          '✖ The projection service’s port is in use: stop what holds it, or set PROJECTION_PORT to a free port.',
        ],
      },
    ]);
  });

  it('counts an abort (V8 out of memory) as a crash, and keeps only the last words', () => {
    const events = event({ event: 'exit', pid: 20, code: null, signal: 'SIGABRT', uptimeMs: 60_000 });
    const output = [startMarker(20, 0).trim(), ...Array.from({ length: 9 }, (_, i) => `line ${i}`)].join(
      '\n',
    );
    expect(crashesIn(events, output)).toEqual([
      {
        pid: 20,
        code: null,
        signal: 'SIGABRT',
        uptimeMs: 60_000,
        lastWords: ['line 5', 'line 6', 'line 7', 'line 8'],
      },
    ]);
  });
});
