// What a client may conclude from a reply: the three outcomes the ledger's checks rest on.
import { describe, expect, it } from '@jest/globals';
import { Ledger, outcomeOfError, outcomeOfReply } from './ledger.ts';

const fetchError = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: { code } });

describe('the ledger', () => {
  it('counts a 2xx as ok, a 4xx as failed and a 5xx, 503 included, as unknown', () => {
    expect([200, 201, 204].map((s) => outcomeOfReply(s))).toEqual(['ok', 'ok', 'ok']);
    expect([400, 409, 422].map((s) => outcomeOfReply(s))).toEqual(['failed', 'failed', 'failed']);
    // A 503 during a database outage may follow a COMMIT whose answer was lost.
    expect([500, 502, 503].map((s) => outcomeOfReply(s))).toEqual(['unknown', 'unknown', 'unknown']);
    expect(outcomeOfReply(503, { status: 503, detail: 'The database is unreachable' })).toBe('unknown');
  });

  it('counts a 503 that states nothing was written as failed', () => {
    expect(outcomeOfReply(503, { status: 503, committed: false })).toBe('failed');
  });

  it('counts only a refused connection as failed; a reset or a timeout leaves the commit in doubt', () => {
    expect(outcomeOfError(fetchError('ECONNREFUSED'))).toEqual({ outcome: 'failed', reason: 'ECONNREFUSED' });
    expect(outcomeOfError(fetchError('ECONNRESET'))).toEqual({ outcome: 'unknown', reason: 'ECONNRESET' });
    expect(outcomeOfError(fetchError('UND_ERR_SOCKET')).outcome).toBe('unknown');
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), {
      name: 'TimeoutError',
    });
    expect(outcomeOfError(timeout)).toEqual({ outcome: 'unknown', reason: 'timeout' });
  });

  it('keeps each target apart and tells why commands were not ok', () => {
    const ledger = new Ledger();
    ledger.record({ target: 'activity', id: 'a1', outcome: 'ok', status: 201, reason: undefined });
    ledger.record({ target: 'activity', id: 'a2', outcome: 'unknown', status: 503, reason: '503' });
    ledger.record({
      target: 'registry',
      id: 't1',
      outcome: 'failed',
      status: undefined,
      reason: 'ECONNREFUSED',
    });
    ledger.record({ target: 'activity', id: 'a3', outcome: 'unknown', status: 503, reason: '503' });
    expect(ledger.counts('activity')).toEqual({ ok: 1, failed: 0, unknown: 2 });
    expect(ledger.counts()).toEqual({ ok: 1, failed: 1, unknown: 2 });
    expect(ledger.ids('activity', 'unknown')).toEqual(['a2', 'a3']);
    expect(ledger.reasons()).toEqual({ '503': 2, ECONNREFUSED: 1 });
  });
});
