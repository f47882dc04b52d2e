// One open stream: frames are written without waiting, so one slow reader never holds up the hub.
// When its socket stops draining, newer values replace older ones of the same unit, indicator and
// period (coalesced) until it drains; past a bound it is told why and closed (ADR 0029).
import type { ServerResponse } from 'node:http';
import type { ChangeRecord } from './change-log.queries.ts';

export interface StreamFilter {
  /** Units whose subtrees the stream carries: a change passes when its path holds one of them. */
  readonly roots: ReadonlySet<string>;
  /** The stored periods whose changes it carries (`periodsFollowed`); every period when undefined. */
  readonly periods: ReadonlySet<string> | undefined;
  /**
   * A period whose changes matter only when they move the target: a year to date's year, which it is
   * measured against but never summed from (`yearForTargetOnly`). A row from before this was kept passes.
   */
  readonly targetOnly?: string;
}

export interface Frame {
  readonly change: ChangeRecord;
  /** The SSE text, serialised once for every stream that carries it. */
  readonly text: string;
}

/** Why the server closes a stream; a failure to open it is named by its problem type (ADR 0035). */
export type EndReason = 'token-expired' | 'too-slow' | 'shutting-down' | (string & {});

export const frameOf = (change: ChangeRecord): Frame => ({
  change,
  text: `id: ${change.seq}\nevent: change\ndata: ${JSON.stringify(change.data)}\n\n`,
});

/**
 * How much of a read of the change log goes to a socket in one write: one write per frame was one
 * system call per frame and stream; one per read could queue a whole page (2,000 frames, ~600 KB)
 * on a slow reader's socket, past what coalescing bounds. A group (characters, about as many bytes:
 * frames are JSON with few non-ASCII names) stays below the socket's high-water mark (64 KiB).
 */
const groupChars = 16 * 1024;

const keyOf = ({ change }: Frame) => `${change.unitCode}|${change.data.indicatorId}|${change.period}`;

export class SseConnection {
  /** The highest sequence this stream has been given (sent, queued or coalesced). */
  cursor = 0;
  #pending: Frame[] | undefined = [];
  #behind: Map<string, Frame> | undefined;
  #ended = false;

  constructor(
    private readonly res: ServerResponse,
    readonly filter: StreamFilter,
    private readonly maxCoalesced: number,
    /** Epoch milliseconds of the token's expiry: the hub ends the stream then. */
    readonly expiresAt = Number.POSITIVE_INFINITY,
  ) {}

  /** Runs once when the socket closes, whoever closed it. */
  onClose(callback: () => void): void {
    this.res.once('close', callback);
  }

  get ended(): boolean {
    return this.#ended || this.res.destroyed;
  }

  carries(change: ChangeRecord): boolean {
    if (this.filter.periods !== undefined && !this.filter.periods.has(change.period)) return false;
    if (change.period === this.filter.targetOnly && change.targetMoved === false) return false;
    return change.path.some((code) => this.filter.roots.has(code));
  }

  /** A live change from the hub: held while the stream is still catching up, else written. */
  offer(frame: Frame): void {
    if (this.#pending) this.#pending.push(frame);
    else this.#deliver(frame);
  }

  /**
   * Live changes of one read of the log, in order: those this stream carries go out together, a
   * group of about `groupChars` a write, while it keeps up; held or coalesced as `offer` would
   * otherwise.
   */
  offerAll(frames: readonly Frame[]): void {
    if (this.ended) return;
    let group = '';
    for (const frame of frames) {
      if (!this.carries(frame.change)) continue;
      if (!this.#writesLive(frame)) {
        this.offer(frame);
        continue;
      }
      this.cursor = frame.change.seq;
      group += frame.text;
      if (group.length < groupChars) continue;
      this.write(group);
      group = '';
    }
    if (group !== '') this.write(group);
  }

  /** Whether a live frame would go straight to the socket: caught up, not behind, not had yet. */
  #writesLive(frame: Frame): boolean {
    return !this.#pending && !this.#behind && frame.change.seq > this.cursor;
  }

  /** A change replayed from the log: written in order before anything held, coalesced when behind. */
  replay(frame: Frame): void {
    this.#deliver(frame);
  }

  /** A reset: what was replayed and still waits is superseded by the snapshot that follows. */
  reset(text: string): void {
    this.#behind?.clear();
    this.write(text);
  }

  /** A snapshot, a reset or a heartbeat: written in order, before anything held. */
  write(text: string): void {
    if (!this.ended && !this.res.write(text)) this.#fallBehind();
  }

  /** Caught up to `cursor`: what arrived meanwhile and is newer goes out, then changes flow live. */
  goLive(cursor: number): void {
    this.cursor = Math.max(this.cursor, cursor);
    const held = this.#pending ?? [];
    this.#pending = undefined;
    for (const frame of held) this.#deliver(frame);
  }

  heartbeat(): void {
    if (!this.#pending && !this.#behind) this.write(': hb\n\n');
  }

  end(reason: EndReason, detail?: string): void {
    if (this.ended) return;
    this.#ended = true;
    this.res.end(`event: end\ndata: ${JSON.stringify({ reason, detail })}\n\n`);
  }

  #deliver(frame: Frame): void {
    if (frame.change.seq <= this.cursor || this.ended) return;
    this.cursor = frame.change.seq;
    if (this.#behind) this.#coalesce(frame);
    else this.write(frame.text);
  }

  #coalesce(frame: Frame): void {
    const behind = this.#behind as Map<string, Frame>;
    const key = keyOf(frame);
    behind.delete(key);
    behind.set(key, frame);
    if (behind.size > this.maxCoalesced) this.end('too-slow');
  }

  #fallBehind(): void {
    if (this.#behind) return;
    this.#behind = new Map();
    this.res.once('drain', () => this.#drained());
  }

  /** Writes the coalesced values oldest first (Map order is last-update order) until full again. */
  #drained(): void {
    const behind = this.#behind ?? new Map<string, Frame>();
    this.#behind = undefined;
    for (const [key, frame] of behind) {
      behind.delete(key);
      if (this.ended) return;
      if (!this.res.write(frame.text)) {
        this.#behind = behind;
        this.res.once('drain', () => this.#drained());
        return;
      }
    }
  }
}
