// Chunks of a bulk upload written side by side: the database works on one while Node reads and
// judges the next (2 cores here). The reader waits while `chunksInFlight` are being written, so
// reading the file never runs ahead of the database by more than that (docs/adr/0039).
import type pg from 'pg';
import type { ReportContext } from '../log-activity/index.ts';
import type { Verdict } from './verdict.ts';
import { writeChunk, type Numbered } from './write-chunk.ts';

export const chunksInFlight = 3;

export class ChunkWriter {
  readonly #pool: pg.Pool;
  readonly #ctx: ReportContext;
  readonly #onWritten: (verdicts: Verdict[]) => void;
  readonly #inFlight = new Set<Promise<void>>();
  #failure: { error: unknown } | undefined;

  constructor(pool: pg.Pool, ctx: ReportContext, onWritten: (verdicts: Verdict[]) => void) {
    this.#pool = pool;
    this.#ctx = ctx;
    this.#onWritten = onWritten;
  }

  /** Starts writing the chunk once fewer than `chunksInFlight` are; a failed chunk ends the upload. */
  async write(chunk: readonly Numbered[]): Promise<void> {
    while (this.#inFlight.size >= chunksInFlight) await Promise.race(this.#inFlight);
    // No chunk starts after one failed; the caller hears of it once the others have settled.
    if (this.#failure) return this.finish();
    if (chunk.length === 0) return;
    const writing = writeChunk(this.#pool, chunk, this.#ctx)
      .then(this.#onWritten, (error: unknown) => {
        this.#failure ??= { error };
      })
      .finally(() => this.#inFlight.delete(writing));
    this.#inFlight.add(writing);
  }

  /** Waits for every chunk started, failed or not. */
  async settle(): Promise<void> {
    await Promise.all(this.#inFlight);
  }

  /** Waits for every chunk started; throws the first failure. */
  async finish(): Promise<void> {
    await Promise.all(this.#inFlight);
    if (this.#failure) throw this.#failure.error;
  }
}
