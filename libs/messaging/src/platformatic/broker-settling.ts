// A broker that has just started or restarted answers before it has a leader for every partition
// and its group coordinator loaded; until then its answers say "try again" (LEADER_NOT_AVAILABLE,
// COORDINATOR_LOAD_IN_PROGRESS, …). Measured here after `npm run infra -- up` on a broker holding
// 2,008 topics: 5.5 s of such answers after its port opened. The client retries a call 3 times 1 s
// apart, so a service started in that window failed its start (a 250 kB line, see error-summary.ts)
// and lived only because a supervisor started it again. A start waits that out instead. A broker
// that does not answer at all still fails the start at once: a wrong address should stop it
// (ADR 0019).
import { setTimeout as sleep } from 'node:timers/promises';
import { ProtocolError } from '@platformatic/kafka';
import { errorSummary, errorsWithin } from '../error-summary.ts';

export interface SettleOptions {
  /** Told once, with what the broker answered, when the first "try again" arrives. */
  readonly onWaiting?: (reason: string) => void;
  /** How long to wait for the broker to settle before the error goes to the caller. */
  readonly limitMs?: number;
  readonly pauseMs?: number;
}

/** Longer than a broker's leader elections after a restart (seconds), short enough to notice. */
const settleLimitMs = 60_000;

/** The broker's answers inside an error: the protocol errors among its causes. */
const brokerAnswers = (error: unknown): ProtocolError[] =>
  [...errorsWithin(error)].filter(
    (e): e is ProtocolError => e instanceof Error && (e as { code?: unknown }).code === ProtocolError.code,
  );

/** True when the broker answered, and every answer was one the protocol says to retry. */
export function brokerIsSettling(error: unknown): boolean {
  const answers = brokerAnswers(error);
  return (
    answers.length > 0 && answers.every((answer) => (answer as { canRetry?: boolean }).canRetry === true)
  );
}

const withDefaults = (options: SettleOptions): Required<SettleOptions> => ({
  onWaiting: options.onWaiting ?? (() => undefined),
  limitMs: options.limitMs ?? settleLimitMs,
  pauseMs: options.pauseMs ?? 500,
});

/** The action, tried again every half second while the broker is settling, up to a minute. */
export async function whileBrokerSettles<T>(
  action: () => Promise<T>,
  options: SettleOptions = {},
): Promise<T> {
  const { onWaiting, limitMs, pauseMs } = withDefaults(options);
  const deadline = Date.now() + limitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (!brokerIsSettling(error) || Date.now() + pauseMs > deadline) throw error;
      if (attempt === 1) onWaiting(errorSummary(error));
      await sleep(pauseMs);
    }
  }
}
