// When a failed write may tell its client that nothing was written, and when it must not.
import { describe, expect, it } from '@jest/globals';
import {
  beforeAnyWrite,
  beforeRequestWrites,
  failedBeforeWrite,
  markFailedBeforeWrite,
  soleWriteFailed,
  wroteNothing,
} from './not-committed.ts';

const socketError = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

describe('nothing written', () => {
  it('is certain for a refused connection, a connect timeout and a server not yet accepting', () => {
    expect(failedBeforeWrite(socketError('ECONNREFUSED'))).toBe(true);
    expect(failedBeforeWrite(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(
      failedBeforeWrite(Object.assign(new Error('the database system is starting up'), { code: '57P03' })),
    ).toBe(true);
    expect(failedBeforeWrite({ driverError: undefined, cause: socketError('ECONNREFUSED') })).toBe(true);
  });

  it('is not known for a connection that broke or went silent while a statement ran', () => {
    expect(failedBeforeWrite(socketError('ECONNRESET'))).toBe(false);
    expect(failedBeforeWrite(new Error('Connection terminated unexpectedly'))).toBe(false);
    expect(failedBeforeWrite(new Error('Query read timeout'))).toBe(false);
  });

  it('is certain for an error marked before the write, or from a step that writes nothing', async () => {
    const reset = socketError('ECONNRESET');
    expect(failedBeforeWrite(markFailedBeforeWrite(reset))).toBe(true);
    const read = beforeAnyWrite(Promise.reject(socketError('ECONNRESET')));
    const error = await read.catch((e: unknown) => e);
    expect(failedBeforeWrite(error)).toBe(true);
  });

  it('reaches the client only through a handler whose sole write it was', () => {
    const refused = socketError('ECONNREFUSED');
    expect(wroteNothing(refused)).toBe(false);
    expect(wroteNothing(soleWriteFailed(refused))).toBe(true);
    const reset = socketError('ECONNRESET');
    expect(wroteNothing(soleWriteFailed(reset))).toBe(false);
  });

  it('reaches the client from any failure of a check made before the request wrote anything', async () => {
    const reset = socketError('ECONNRESET');
    const error = await beforeRequestWrites(Promise.reject(reset)).catch((e: unknown) => e);
    expect(wroteNothing(error)).toBe(true);
    await expect(beforeRequestWrites(Promise.resolve(7))).resolves.toBe(7);
  });
});
