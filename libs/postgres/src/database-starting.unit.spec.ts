import { describe, expect, it } from '@jest/globals';
import { databaseStartingAnswer, whileDatabaseStarts } from './database-starting.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const starting = () => withCode('the database system is starting up', '57P03');

/** An action failing with each of `errors` in turn, then answering 'open'. */
function failingWith(errors: readonly Error[]) {
  let calls = 0;
  const action = () => {
    const error = errors[calls++];
    return error ? Promise.reject(error) : Promise.resolve('open');
  };
  return { action, calls: () => calls };
}

describe('a start against a database still starting up', () => {
  it('finds the server’s answer inside the errors TypeORM and pg wrap it in', () => {
    const wrapped = Object.assign(new Error('QueryFailedError'), { driverError: starting() });
    expect(databaseStartingAnswer(wrapped)?.message).toBe('the database system is starting up');
    expect(databaseStartingAnswer(new Error('outer', { cause: wrapped }))).toBeDefined();
    expect(
      databaseStartingAnswer(withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED')),
    ).toBeUndefined();
    expect(databaseStartingAnswer(withCode('the database system is shutting down', '57P01'))).toBeUndefined();
  });

  it('tries again while the server says so, and tells it once', async () => {
    const told: string[] = [];
    const { action, calls } = failingWith([starting(), starting(), starting()]);
    const opened = await whileDatabaseStarts(action, { onWaiting: (r) => told.push(r), pauseMs: 1 });
    expect([opened, calls(), told]).toEqual(['open', 4, ['the database system is starting up']]);
  });

  it('fails at once on a server that does not answer, and after the limit on one that never starts', async () => {
    const refused = failingWith([withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED')]);
    await expect(whileDatabaseStarts(refused.action, { pauseMs: 1 })).rejects.toThrow('ECONNREFUSED');
    expect(refused.calls()).toBe(1);
    const never = failingWith(Array.from({ length: 1_000 }, starting));
    await expect(whileDatabaseStarts(never.action, { pauseMs: 5, limitMs: 50 })).rejects.toThrow(
      'starting up',
    );
    expect(never.calls()).toBeGreaterThan(1);
    expect(never.calls()).toBeLessThan(20);
  });
});
