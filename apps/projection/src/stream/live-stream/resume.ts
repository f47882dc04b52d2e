// How a stream opens: with a Last-Event-ID still in the log, the scope's changes after it are
// replayed from the database, written as live ones are (coalesced while the socket is full, ended
// as too slow past the bound); otherwise, or when retention removed some of them meanwhile, the
// client is told why and gets a fresh snapshot (ADR 0029, 0035).
import type { ChangeRecord } from './change-log.queries.ts';
import { frameOf, type SseConnection } from './sse-connection.ts';

const eventIdPattern = /^\d{1,15}$/;
const pageSize = 5000;

/** The change log as a resume reads it. */
export interface ResumableLog {
  /** The newest sequence the hub has handed out: live frames after it are held by the stream. */
  readonly last: number;
  /** The highest sequence deleted by retention: a resume from below it cannot be exact. */
  horizon(): Promise<number>;
  /** The stream's changes in (after, upTo], oldest first, at most `size`. */
  page(stream: SseConnection, window: { after: number; upTo: number }, size: number): Promise<ChangeRecord[]>;
}

export type ResetReason = 'beyond-retention' | 'unknown-event-id';

/** Replays, or resets and sends the snapshot of the sequence it reflects; then the stream goes live. */
export async function openStream(
  stream: SseConnection,
  lastEventId: string | undefined,
  log: ResumableLog,
  snapshot: (seq: number) => Promise<string>,
): Promise<void> {
  const outcome = lastEventId === undefined ? 'fresh' : await resume(stream, lastEventId, log);
  if (outcome === 'resumed' || stream.ended) return;
  if (outcome !== 'fresh') stream.reset(`event: reset\ndata: ${JSON.stringify({ reason: outcome })}\n\n`);
  const upTo = log.last;
  stream.write(`id: ${upTo}\nevent: snapshot\ndata: ${await snapshot(upTo)}\n\n`);
  stream.goLive(upTo);
}

/** Why the log cannot replay what came after `lastEventId`, or undefined when it can. */
async function unresumable(lastEventId: string, log: ResumableLog): Promise<ResetReason | undefined> {
  const seq = eventIdPattern.test(lastEventId) ? Number(lastEventId) : Number.NaN;
  if (!Number.isSafeInteger(seq) || seq > log.last) return 'unknown-event-id';
  return seq < (await log.horizon()) ? 'beyond-retention' : undefined;
}

/** Replays the scope's changes in (after, upTo]; false when the stream ended meanwhile (too slow). */
async function replay(stream: SseConnection, log: ResumableLog, after: number, upTo: number) {
  for (let from = after; ;) {
    const page = await log.page(stream, { after: from, upTo }, pageSize);
    for (const change of page) stream.replay(frameOf(change));
    if (stream.ended) return false;
    if (page.length < pageSize) return true;
    from = page.at(-1)?.seq ?? upTo;
  }
}

async function resume(
  stream: SseConnection,
  lastEventId: string,
  log: ResumableLog,
): Promise<'resumed' | ResetReason> {
  const refused = await unresumable(lastEventId, log);
  if (refused) return refused;
  const upTo = log.last;
  if (!(await replay(stream, log, Number(lastEventId), upTo))) return 'resumed';
  // A prune between the check above and the reads leaves a gap nobody would notice: checked again.
  const gap = await unresumable(lastEventId, log);
  if (gap) return gap;
  stream.goLive(upTo);
  return 'resumed';
}
