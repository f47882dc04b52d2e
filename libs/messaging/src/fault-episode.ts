// One outage is one log line, however many retries it takes: a flood of identical errors hides the
// one that matters, and retrying every few milliseconds only adds load to a server coming back up.
import { errorSummary } from './error-summary.ts';

export interface FaultEpisodeOptions {
  /** What fails, for the log line and the readiness reason, e.g. "kafka consumer activity.x". */
  readonly what: string;
  readonly onError?: ((error: unknown, context: string) => void) | undefined;
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
}

/**
 * Backoff of 0.5 s doubling to 5 s, and a report on the first failure of each episode only. A retry
 * every 5 s is one connection attempt, nothing for a server coming back; a longer cap only leaves
 * the dashboards waiting after it is back (Kafka's own clients stop at 1 s).
 */
export class FaultEpisode {
  readonly #options: FaultEpisodeOptions;
  #failures = 0;
  #since: Date | undefined;
  #lastError: unknown;

  constructor(options: FaultEpisodeOptions) {
    this.#options = options;
  }

  /** Records a failure, reports it if it opens an episode, and returns the wait before the next try. */
  failed(error: unknown): number {
    this.#lastError = error;
    if (this.#since === undefined) {
      this.#since = new Date();
      this.#options.onError?.(error, `${this.#options.what} failed; retrying with backoff until it recovers`);
    }
    const first = this.#options.firstDelayMs ?? 500;
    const wait = Math.min(first * 2 ** this.#failures, this.#options.maxDelayMs ?? 5_000);
    this.#failures++;
    return wait;
  }

  /** Closes the episode: the next failure is reported again, and waits start short again. */
  succeeded(): void {
    this.#failures = 0;
    this.#since = undefined;
    this.#lastError = undefined;
  }

  get failing(): boolean {
    return this.#since !== undefined;
  }

  /** Why it is not working, for a readiness check; undefined while it works. */
  problem(): string | undefined {
    if (this.#since === undefined) return undefined;
    const error = this.#lastError;
    const reason = errorSummary(error);
    return `${this.#options.what} failing since ${this.#since.toISOString()} (${this.#failures} attempts): ${reason}`;
  }
}

/** A wait that `wake()` ends early (stop() should not sit out a 30 s backoff). */
export class WakeableDelay {
  #wake: (() => void) | undefined;

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  wake(): void {
    this.#wake?.();
    this.#wake = undefined;
  }
}

/** A readiness check in the shape `/health/ready` lists: undefined when fine, else what is missing. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<string | undefined>;
}

/** The broker as the service sees it: every consumer and publisher that reports a problem. */
export function brokerCheck(...parts: readonly { problem(): string | undefined }[]): ReadinessCheck {
  return {
    name: 'broker',
    check: () => {
      const problems = parts.flatMap((part) => part.problem() ?? []);
      return Promise.resolve(problems.length === 0 ? undefined : problems.join('; '));
    },
  };
}
