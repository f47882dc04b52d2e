// One direction of one proxied connection: bytes read from `from` are written to `to`, late by the
// configured latency, or not at all while that direction is black-holed.
import type net from 'node:net';

/** What the proxy currently does to the bytes going one way. */
export interface DirectionFaults {
  readonly latencyMs: number;
  readonly jitterMs: number;
  readonly blackholed: boolean;
}

export const noFaults: DirectionFaults = { latencyMs: 0, jitterMs: 0, blackholed: false };

/**
 * When a chunk that arrives `now` may leave: `latencyMs` ± `jitterMs` later (uniform, as netem and
 * toxiproxy do), never before the chunk ahead of it. TCP keeps order, so jitter may stretch a gap
 * but never lets a later chunk overtake an earlier one. `draw` is a number in [0, 1).
 */
export function dueAt(now: number, previousDueAt: number, faults: DirectionFaults, draw: number): number {
  const delay = Math.max(0, faults.latencyMs + (draw * 2 - 1) * faults.jitterMs);
  return Math.max(previousDueAt, now + delay);
}

interface Pending {
  dueAt: number;
  /** null stands for the sender's FIN, which travels in order behind its bytes. */
  chunk: Buffer | null;
}

export class FaultPipe {
  private readonly queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private waitingForDrain = false;
  private stopped = false;
  private readonly from: net.Socket;
  private readonly to: net.Socket;
  private readonly faults: () => DirectionFaults;
  private readonly forwarded: (bytes: number) => void;

  /** `faults` is read on every chunk and every pump, so a fault switched at run time applies at once. */
  constructor(
    from: net.Socket,
    to: net.Socket,
    faults: () => DirectionFaults,
    forwarded: (bytes: number) => void,
  ) {
    this.from = from;
    this.to = to;
    this.faults = faults;
    this.forwarded = forwarded;
    from.on('data', (chunk: Buffer) => this.enqueue(chunk));
    from.on('end', () => this.enqueue(null));
  }

  /** Delivers what is due; runs on every arrival, timer, drain and fault change. */
  pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped) return;
    // A black hole holds bytes rather than dropping them: a partitioned TCP path retransmits what
    // it could not deliver, so after the heal the peer sees the stream intact, only late. Pausing
    // the reader leaves the rest in the kernel's buffers, so the sender backs up as it would.
    if (this.faults().blackholed) {
      this.from.pause();
      return;
    }
    while (!this.waitingForDrain && this.queue.length > 0) {
      const wait = (this.queue[0] as Pending).dueAt - performance.now();
      if (wait > 0) {
        this.timer = setTimeout(() => this.pump(), wait);
        break;
      }
      this.deliver((this.queue.shift() as Pending).chunk);
    }
    if (!this.waitingForDrain) this.from.resume();
  }

  /** Drops what is queued; the connection is gone. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.queue.length = 0;
  }

  private enqueue(chunk: Buffer | null): void {
    const previous = this.queue.at(-1)?.dueAt ?? 0;
    this.queue.push({ dueAt: dueAt(performance.now(), previous, this.faults(), Math.random()), chunk });
    this.pump();
  }

  private deliver(chunk: Buffer | null): void {
    if (this.to.destroyed) return;
    if (chunk === null) {
      this.to.end();
      return;
    }
    this.forwarded(chunk.length);
    // Backpressure: a slow receiver slows the sender instead of growing this queue without end.
    if (!this.to.write(chunk)) {
      this.waitingForDrain = true;
      this.from.pause();
      this.to.once('drain', () => {
        this.waitingForDrain = false;
        this.pump();
      });
    }
  }
}
