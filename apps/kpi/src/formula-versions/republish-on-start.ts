// Each start of the service puts published values on the formula versions in force (ADR 0063), in
// the background: the service answers and consumes meanwhile, and each slice waits for the
// publishers' lock like any batch. A database outage is waited out; a shutdown stops it between
// slices, and the next start goes on from what is still outdated.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { backoffMs, isConnectionError } from '@nhip/postgres';
import pg from 'pg';
import { republishOutdated, type RepublishProgress } from './republish-outdated.ts';

const log = new Logger('formula-versions');
// At national scale a changed formula republishes millions of values: a line every few seconds.
const progressEveryMs = 5_000;

const summary = ({ indicators }: RepublishProgress) =>
  indicators.map((i) => `${i.id} ${i.from ?? 'none recorded'} → ${i.to}`).join(', ');

@Injectable()
export class RepublishOnStart implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #stop = new AbortController();
  #running: Promise<void> | undefined;

  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  onApplicationBootstrap(): void {
    this.#running = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.#stop.abort();
    await this.#running;
  }

  private async run(): Promise<void> {
    for (let attempt = 1; !this.#stop.signal.aborted; attempt++) {
      try {
        const outcome = await republishOutdated(this.pool, {
          onProgress: this.reporter(),
          stopped: () => this.#stop.signal.aborted,
        });
        if (!outcome.done)
          log.log({ ...outcome }, `formula versions: stopped at shutdown (${summary(outcome)})`);
        return;
      } catch (error) {
        if (!isConnectionError(error)) {
          log.error(
            { err: error },
            'formula versions: publishing values again failed; the next start tries again',
          );
          return;
        }
        log.warn({ err: error, attempt }, 'formula versions: the database is away; trying again');
        await sleep(backoffMs(attempt, 1_000, 30_000), undefined, { signal: this.#stop.signal }).catch(
          () => undefined,
        );
      }
    }
  }

  /**
   * The start of a republication once its first slice is done, its count every few seconds, and its
   * end; a database with nothing recorded on another version (a fresh one) gets the end alone.
   */
  private reporter(): (progress: RepublishProgress) => void {
    let announced = false;
    let lastAt = Date.now();
    return (progress) => {
      if (progress.done) {
        const counts = `${progress.published} values published again of ${progress.scanned} read`;
        log.log({ ...progress }, `formula versions in force: ${summary(progress)} (${counts})`);
      } else if (!announced) {
        announced = true;
        log.log({ ...progress }, `formula versions: publishing values again with ${summary(progress)}`);
      } else if (Date.now() - lastAt >= progressEveryMs) {
        lastAt = Date.now();
        log.log(
          { ...progress },
          `formula versions: ${progress.published} values published again of ${progress.scanned} read`,
        );
      }
    };
  }
}
