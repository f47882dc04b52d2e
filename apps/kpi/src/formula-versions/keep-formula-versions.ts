// The published values are kept on the formula versions in force (ADR 0063): checked at the service's
// start and then every minute (KPI_FORMULA_CHECK_SECONDS), in the background. The check is one read of
// a 21-row table; when an indicator is outdated (a deploy changed its formula, or an instance on the
// previous catalog published after the record was made) its values are published again, slice by
// slice, each slice waiting for the publishers' lock like any batch. A database outage is waited out;
// a shutdown stops it between slices, and the next check goes on from what is still outdated.
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
import { KpiConfig } from '../config.ts';
import { republishOutdated, type RepublishProgress } from './republish-outdated.ts';

const log = new Logger('formula-versions');
// At national scale a changed formula republishes millions of values: a line every few seconds.
const progressEveryMs = 5_000;

const summary = ({ indicators }: RepublishProgress) =>
  indicators.map((i) => `${i.id} ${i.from ?? 'none recorded'} → ${i.to}`).join(', ');

@Injectable()
export class KeepFormulaVersions implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly #stop = new AbortController();
  #running: Promise<void> | undefined;

  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(KpiConfig) private readonly config: KpiConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.#running = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.#stop.abort();
    await this.#running;
  }

  private async run(): Promise<void> {
    const { signal } = this.#stop;
    for (let outage = 0; !signal.aborted;) {
      outage = (await this.check()) ? 0 : outage + 1;
      const wait = outage === 0 ? this.config.formulaCheckMs : backoffMs(outage, 1_000, 30_000);
      if (outage === 1) log.warn('formula versions: the database is away; checking again');
      await sleep(wait, undefined, { signal }).catch(() => undefined);
    }
  }

  /** One check, and the republication it finds needed; false when the database was away. */
  private async check(): Promise<boolean> {
    try {
      const outcome = await republishOutdated(this.pool, {
        onProgress: this.reporter(),
        stopped: () => this.#stop.signal.aborted,
      });
      if (!outcome.done)
        log.log({ ...outcome }, `formula versions: stopped at shutdown (${summary(outcome)})`);
      return true;
    } catch (error) {
      if (isConnectionError(error)) return false;
      log.error(
        { err: error },
        'formula versions: publishing values again failed; the next check tries again',
      );
      return true;
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
      const counts = `${progress.published} values published again of ${progress.scanned} read`;
      if (progress.done && progress.settled) {
        log.log({ ...progress }, `formula versions in force: ${summary(progress)} (${counts})`);
      } else if (progress.done) {
        log.warn(
          { ...progress },
          `formula versions: not settled, a value was published with another version or another pass took over while this ran; the next check reads again (${summary(progress)}, ${counts})`,
        );
      } else if (!announced) {
        announced = true;
        log.log({ ...progress }, `formula versions: publishing values again with ${summary(progress)}`);
      } else if (Date.now() - lastAt >= progressEveryMs) {
        lastAt = Date.now();
        log.log({ ...progress }, `formula versions: ${counts}`);
      }
    };
  }
}
