// The restart policy of npm start's supervisors: doubling waits for quick exits in a row, a cap,
// and a fresh start of the doubling after a run that lasted.
import { describe, expect, it } from '@jest/globals';
import { consecutiveFailures, defaultBackoff, restartDelay, type BackoffPolicy } from './backoff.ts';

/** The waits a supervisor chooses for a sequence of run lengths. */
function delaysFor(policy: BackoffPolicy, uptimesMs: number[]): number[] {
  let failures = 0;
  return uptimesMs.map((uptime) => {
    failures = consecutiveFailures(policy, failures, uptime);
    return restartDelay(policy, failures);
  });
}

describe('restart backoff', () => {
  it('doubles from 0.5 s for quick exits in a row and stops at 30 s', () => {
    expect(
      delaysFor(
        defaultBackoff,
        Array.from({ length: 9 }, () => 100),
      ),
    ).toEqual([500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts the doubling afresh after a run of at least 60 s', () => {
    expect(delaysFor(defaultBackoff, [100, 100, 100, 60_000, 100, 59_999, 100])).toEqual([
      500, 1_000, 2_000, 500, 1_000, 2_000, 4_000,
    ]);
  });

  it('stays finite however many exits came before', () => {
    expect(restartDelay(defaultBackoff, 10_000)).toBe(30_000);
  });
});
