// The province's set-up steps that run beside the live reports (statistics, rosters, yesterday's
// training, the campaign) are retried until they succeed: a broker or a service restarting while
// npm start fills the province would otherwise leave tiles blank until the simulator itself
// restarted, which it does only if it exits. Every step is idempotent (deterministic ids and
// idempotency keys), so a retry after a half-done attempt finishes it without doubling anything.
import { errorSummary } from '@nhip/messaging';
import { restartDelay, type BackoffPolicy } from '../backoff.ts';

export interface Retrying {
  readonly backoff: BackoffPolicy;
  readonly sleep: (ms: number) => Promise<void>;
  readonly warn: (line: string) => void;
}

const waitFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const simulatorRetrying: Retrying = {
  backoff: { initialMs: 1_000, maxMs: 30_000, resetAfterMs: Number.POSITIVE_INFINITY },
  sleep: waitFor,
  warn: (line) => console.warn(line),
};

/** The step's result once it succeeds; each failure is one line naming the step and the reason. */
export async function untilDone<T>(
  step: string,
  attempt: () => Promise<T>,
  { backoff, sleep, warn }: Retrying = simulatorRetrying,
): Promise<T> {
  for (let failures = 1; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      const wait = restartDelay(backoff, failures);
      warn(`simulator: ${step} failed (${errorSummary(error)}); trying again in ${wait / 1000} s`);
      await sleep(wait);
    }
  }
}
