/**
 * Rows held back look again soon, since the transaction holding them is usually a consumer batch of
 * a few ms. Held back again with nothing moved, the wait doubles up to the poll interval: a long
 * transaction anywhere on the server (a rebuild, an idle psql session) must not make every relay
 * query 200 times a second for minutes.
 */
export function nextHeldBackWait(
  heldBack: boolean,
  moved: number,
  {
    previousMs,
    heldBackRetryMs,
    pollIntervalMs,
  }: { previousMs: number | undefined; heldBackRetryMs: number; pollIntervalMs: number },
): number | undefined {
  if (!heldBack) return undefined;
  if (moved > 0 || previousMs === undefined) return heldBackRetryMs;
  return Math.min(previousMs * 2, pollIntervalMs);
}

/** A relay's current wait for held-back rows (undefined: none held back, wait for NOTIFY or poll). */
export class HeldBackWait {
  #ms: number | undefined;

  get ms(): number | undefined {
    return this.#ms;
  }

  /** After a drain: whether rows are still held back, and how many went out. */
  after(
    heldBack: boolean,
    moved: number,
    options: { heldBackRetryMs: number; pollIntervalMs: number },
  ): void {
    this.#ms = nextHeldBackWait(heldBack, moved, { ...options, previousMs: this.#ms });
  }

  reset(): void {
    this.#ms = undefined;
  }
}
