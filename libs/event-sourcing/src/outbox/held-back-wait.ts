/**
 * Rows held back look again soon, since the transaction holding them is usually a consumer batch of
 * a few ms. Held back again with nothing moved, the wait doubles up to the poll interval: a long
 * transaction anywhere on the server (a rebuild, an idle psql session) must not make every relay
 * query 200 times a second for minutes.
 */
export function nextHeldBackWait(
  heldBack: boolean,
  moved: number,
  previousMs: number | undefined,
  { heldBackRetryMs, pollIntervalMs }: { heldBackRetryMs: number; pollIntervalMs: number },
): number | undefined {
  if (!heldBack) return undefined;
  if (moved > 0 || previousMs === undefined) return heldBackRetryMs;
  return Math.min(previousMs * 2, pollIntervalMs);
}
