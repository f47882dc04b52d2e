// The scope's live stream read with fetch (so the token travels in the Authorization header, not
// the address), parsed as Server-Sent Events, resumed with Last-Event-ID after any drop.
import type { Change, Summary } from './types.ts';

export type StreamState =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'live' }
  | { readonly kind: 'reconnecting'; readonly since: Date }
  | { readonly kind: 'ended'; readonly reason: string };

export interface StreamHandlers {
  snapshot(summary: Summary): void;
  change(change: Change): void;
  state(state: StreamState): void;
}

interface Frame {
  event: string;
  data: string;
  id: string | undefined;
}

/** Splits a text buffer into complete frames; returns the unfinished rest. */
export function parseFrames(buffer: string, onFrame: (frame: Frame) => void): string {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    const frame: Frame = { event: 'message', data: '', id: undefined };
    for (const line of block.split(/\r?\n/)) readField(frame, line);
    if (frame.data || frame.event !== 'message') onFrame(frame);
  }
  return rest;
}

/** One line of a frame; comments (": hb") and unknown fields are ignored. */
function readField(frame: Frame, line: string): void {
  const colon = line.indexOf(':');
  if (colon <= 0) return;
  const field = line.slice(0, colon);
  const text = line.slice(colon + 1).replace(/^ /, '');
  if (field === 'event') frame.event = text;
  else if (field === 'data') frame.data += frame.data ? `\n${text}` : text;
  else if (field === 'id') frame.id = text;
}

export class LiveStream {
  private lastEventId: string | undefined;
  private controller = new AbortController();
  private stopped = false;
  private droppedAt: Date | undefined;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly on: StreamHandlers,
  ) {}

  start(): void {
    void this.loop();
  }

  // A method, not the field, so the check after an await reads the current value.
  private isStopped(): boolean {
    return this.stopped;
  }

  stop(): void {
    this.stopped = true;
    this.controller.abort();
  }

  private async loop(): Promise<void> {
    let delay = 500;
    this.on.state({ kind: 'connecting' });
    while (!this.stopped) {
      const ended = await this.once().catch(() => undefined);
      if (ended !== undefined || this.isStopped()) return;
      this.droppedAt ??= new Date();
      this.on.state({ kind: 'reconnecting', since: this.droppedAt });
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  }

  /** One connection until it drops (undefined) or the server ends it (its reason). */
  private async once(): Promise<string | undefined> {
    this.controller = new AbortController();
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      accept: 'text/event-stream',
    };
    if (this.lastEventId !== undefined) headers['last-event-id'] = this.lastEventId;
    const reply = await fetch(this.url, { headers, signal: this.controller.signal });
    if (reply.status === 401 || reply.status === 403) return this.end(`HTTP ${reply.status}`);
    if (!reply.ok || !reply.body) return undefined;
    // Connected again: the missed changes follow, or a reset and a fresh snapshot.
    this.droppedAt = undefined;
    this.on.state({ kind: 'live' });
    const reader = reply.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let ended: string | undefined;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return ended;
      buffer = parseFrames(buffer + value, (frame) => {
        ended = this.dispatch(frame) ?? ended;
      });
    }
  }

  private dispatch(frame: Frame): string | undefined {
    if (frame.id !== undefined) this.lastEventId = frame.id;
    if (frame.event === 'snapshot') {
      this.on.snapshot(JSON.parse(frame.data) as Summary);
    } else if (frame.event === 'change') {
      this.on.change(JSON.parse(frame.data) as Change);
    } else if (frame.event === 'end') {
      return this.end((JSON.parse(frame.data) as { reason?: string }).reason ?? 'end');
    }
    return undefined;
  }

  private end(reason: string): string {
    this.on.state({ kind: 'ended', reason });
    return reason;
  }
}
