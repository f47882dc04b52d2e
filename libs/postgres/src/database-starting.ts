// A PostgreSQL server that has just started, or restarted after a crash, accepts connections
// before it can serve them: until its recovery ends it answers "the database system is starting up"
// (SQLSTATE 57P03). A service started in that window (a machine booting, a platform started right
// after its database, a supervisor restarting both) failed its start at once and lived only if
// something started it again. A start waits that out, as it does for a settling broker (ADR 0049).
// A server that does not answer at all still fails the start at once: a wrong address should stop
// it (ADR 0018).
import { setTimeout as sleep } from 'node:timers/promises';
import { driverErrorsWithin } from './connection-faults.ts';

export interface StartingOptions {
  /** Told once, with the server's answer, when the first "starting up" arrives. */
  readonly onWaiting?: (reason: string) => void;
  /** How long to wait for the server to finish starting before the error goes to the caller. */
  readonly limitMs?: number;
  readonly pauseMs?: number;
}

/** The "starting up" answer among an error's causes (TypeORM wraps the driver's in driverError). */
export function databaseStartingAnswer(error: unknown): Error | undefined {
  for (const within of driverErrorsWithin(error))
    if ((within as { code?: unknown }).code === '57P03') return within as Error;
  return undefined;
}

/** Longer than a crash recovery of a service's small database (seconds), short enough to notice. */
const defaults: Required<StartingOptions> = { onWaiting: () => undefined, limitMs: 60_000, pauseMs: 500 };

/** The action, tried again every half second while the server says it is starting, up to a minute. */
export async function whileDatabaseStarts<T>(
  action: () => Promise<T>,
  options: StartingOptions = {},
): Promise<T> {
  const { onWaiting, limitMs, pauseMs } = { ...defaults, ...options };
  const deadline = Date.now() + limitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      const answer = databaseStartingAnswer(error);
      if (!answer || Date.now() + pauseMs > deadline) throw error;
      if (attempt === 1) onWaiting(answer.message);
      await sleep(pauseMs);
    }
  }
}
