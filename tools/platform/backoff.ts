// When a supervised service exits, how long to wait before starting it again. Quick exits in a row
// double the wait so a service that cannot start (database away, bad config) does not spin a core;
// a run that lasted resets it, so one crash after an hour comes back at once.

export interface BackoffPolicy {
  /** The wait after the first quick exit. */
  readonly initialMs: number;
  /** The longest wait, however many quick exits came before. */
  readonly maxMs: number;
  /** A run at least this long counts as healthy: the next exit starts the doubling afresh. */
  readonly resetAfterMs: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 500, maxMs: 30_000, resetAfterMs: 60_000 };

/** Quick exits in a row, counting the one that just happened. */
export function consecutiveFailures(policy: BackoffPolicy, before: number, uptimeMs: number): number {
  return uptimeMs >= policy.resetAfterMs ? 1 : before + 1;
}

/** The wait before the next start after `failures` quick exits in a row (failures ≥ 1). */
export function restartDelay(policy: BackoffPolicy, failures: number): number {
  const doublings = Math.max(0, failures - 1);
  // 2 ** 1024 is Infinity; cap the exponent so the arithmetic stays finite for any count.
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(doublings, 52));
}
