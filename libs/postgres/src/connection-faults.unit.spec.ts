// Which errors mean "the database is away", how long to wait, and that an outage is told twice.
import { describe, expect, it } from '@jest/globals';
import {
  backoffMs,
  ConnectionEpisodes,
  databaseTimeoutsFromEnv,
  isConnectionError,
} from './connection-faults.ts';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('isConnectionError', () => {
  it.each([
    ['a refused socket', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset socket', withCode('read ECONNRESET', 'ECONNRESET')],
    ['pg losing the connection', new Error('Connection terminated unexpectedly')],
    ['a pool acquire timeout', new Error('timeout exceeded when trying to connect')],
    ['a client-side query timeout', new Error('Query read timeout')],
    ['SQLSTATE class 08', withCode('connection failure', '08006')],
    ['the server shutting down', withCode('terminating connection due to administrator command', '57P01')],
    ['the server starting up', withCode('the database system is starting up', '57P03')],
    [
      'a wrapped one (TypeORM)',
      Object.assign(new Error('query failed'), { driverError: new Error('Connection terminated') }),
    ],
  ])('is true for %s', (_what, error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value', '23505')],
    ['a syntax error', withCode('syntax error at or near "SELEC"', '42601')],
    [
      'a statement timeout (the server is there)',
      withCode('canceling statement due to statement timeout', '57014'),
    ],
    ['a plain error', new Error('no such team')],
    ['a string', 'ECONNRESET'],
  ])('is false for %s', (_what, error) => {
    expect(isConnectionError(error)).toBe(false);
  });
});

describe('backoffMs', () => {
  it('starts at half a second, doubles, and stops at 5 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => backoffMs(n))).toEqual([
      500, 1000, 2000, 4000, 5000, 5000, 5000, 5000, 5000,
    ]);
  });
});

describe('ConnectionEpisodes', () => {
  it('tells an outage once when it starts and once when it ends, however many failures between', () => {
    const told: string[] = [];
    const episodes = new ConnectionEpisodes({
      lost: (error) => told.push(`lost: ${(error as Error).message}`),
      back: () => told.push('back'),
    });
    episodes.succeeded();
    for (let i = 1; i <= 5; i++) episodes.failed(new Error(`failure ${i}`));
    expect([episodes.down, episodes.failures]).toEqual([true, 5]);
    episodes.succeeded();
    episodes.succeeded();
    episodes.failed(new Error('again'));
    expect(told).toEqual(['lost: failure 1', 'back', 'lost: again']);
    expect(episodes.failures).toBe(1);
  });
});

describe('databaseTimeoutsFromEnv', () => {
  it('reads both bounds, leaves unset ones out, and refuses a bad value with a sentence', () => {
    expect(databaseTimeoutsFromEnv({})).toEqual({});
    expect(
      databaseTimeoutsFromEnv({ NHIP_DB_CONNECT_TIMEOUT_MS: '1000', NHIP_DB_QUERY_TIMEOUT_MS: '2000' }),
    ).toEqual({
      connectTimeoutMs: 1000,
      queryTimeoutMs: 2000,
    });
    expect(() => databaseTimeoutsFromEnv({ NHIP_DB_QUERY_TIMEOUT_MS: '2s' })).toThrow(
      'NHIP_DB_QUERY_TIMEOUT_MS must be a positive number of milliseconds, not "2s".',
    );
  });
});
