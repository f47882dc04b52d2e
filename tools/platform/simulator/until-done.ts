// The province's set-up steps that run beside the live reports (statistics, rosters, yesterday's
// training, the course, the campaign) are retried until they succeed: a broker or a service
// restarting while npm start fills the province would otherwise leave tiles blank until the
// simulator itself restarted, which it does only if it exits. Every step is idempotent
// (deterministic ids and idempotency keys), so a retry after a half-done attempt finishes it
// without doubling anything. A refusal the same request would meet again (`Refused`, a 4xx) is
// not retried: the step is given up with one line saying why, the rest of the province goes on.
import { errorSummary } from '@nhip/messaging';
import { restartDelay, type BackoffPolicy } from '../backoff.ts';

/** A service refused the request as it stands: asking again would be refused again. */
export class Refused extends Error {}

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

/**
 * The step's result once it succeeds, undefined if it was refused; each failure is one line
 * naming the step and the reason.
 */
export async function untilDone<T>(
  step: string,
  attempt: () => Promise<T>,
  { backoff, sleep, warn }: Retrying = simulatorRetrying,
): Promise<T | undefined> {
  for (let failures = 1; ; failures++) {
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof Refused) {
        warn(`simulator: ${step} was refused (${error.message}); not trying again`);
        return undefined;
      }
      const wait = restartDelay(backoff, failures);
      warn(`simulator: ${step} failed (${errorSummary(error)}); trying again in ${wait / 1000} s`);
      await sleep(wait);
    }
  }
}
