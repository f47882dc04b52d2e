import { describe, expect, it } from '@jest/globals';
import { MultipleErrors, NetworkError, ProtocolError } from '@platformatic/kafka';
import { brokerIsSettling, whileBrokerSettles } from './broker-settling.ts';

const answered = (...ids: string[]) =>
  new MultipleErrors(
    'metadata failed 4 times.',
    ids.map((id) => new ProtocolError(id)),
  );

describe('a broker that is settling', () => {
  it('is one whose every answer says to try again', () => {
    expect(brokerIsSettling(answered('LEADER_NOT_AVAILABLE', 'LEADER_NOT_AVAILABLE'))).toBe(true);
    expect(brokerIsSettling(answered('COORDINATOR_LOAD_IN_PROGRESS'))).toBe(true);
    // An answer that will not change by waiting, even beside one that would.
    expect(brokerIsSettling(answered('LEADER_NOT_AVAILABLE', 'TOPIC_AUTHORIZATION_FAILED'))).toBe(false);
    // No answer at all: a broker that is not there, or a wrong address.
    expect(brokerIsSettling(new NetworkError('Connection to 127.0.0.1:1 failed.'))).toBe(false);
    expect(brokerIsSettling(new Error('something else'))).toBe(false);
  });

  it('is waited for: the action is tried again until it succeeds, and the wait is told once', async () => {
    const told: string[] = [];
    let calls = 0;
    const result = await whileBrokerSettles(
      () => {
        calls++;
        if (calls < 4) return Promise.reject(answered('LEADER_NOT_AVAILABLE'));
        return Promise.resolve('topics ensured');
      },
      { onWaiting: (reason) => told.push(reason), pauseMs: 1 },
    );
    expect(result).toBe('topics ensured');
    expect(calls).toBe(4);
    expect(told).toEqual([
      'metadata failed 4 times: There is no leader for this topic-partition as we are in the middle of a leadership election',
    ]);
  });

  it('is waited for a limited time, then its error goes to the caller', async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(answered('LEADER_NOT_AVAILABLE'));
    };
    await expect(whileBrokerSettles(failing, { limitMs: 30, pauseMs: 5 })).rejects.toThrow(
      'metadata failed 4 times.',
    );
    expect(calls).toBeGreaterThan(1);
  });

  it('is not waited for when nothing answers: the error goes to the caller at once', async () => {
    let calls = 0;
    const unreachable = () => {
      calls++;
      return Promise.reject(new NetworkError('Connection to 127.0.0.1:1 failed.'));
    };
    await expect(whileBrokerSettles(unreachable, { pauseMs: 1 })).rejects.toThrow('failed');
    expect(calls).toBe(1);
  });
});
