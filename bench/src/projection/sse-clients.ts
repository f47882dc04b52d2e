// Many SSE readers in the benchmark's process over node:http, each counting the change frames it
// received and noting when it reached a count: what the fan-out and freshness measure.
import http from 'node:http';

const marker = 'event: change\n';

export interface Reader {
  changes: number;
  /** `performance.now()` when the last change counted arrived: a fan-out's per-stream finish time. */
  lastChangeAt: number;
  /** Called with every frame's text block when set (freshness reads the values). */
  onFrame?: (block: string, at: number) => void;
  readonly opened: Promise<void>;
  close(): void;
}

const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

/** Opens one stream; resolves `opened` at its first byte of body (the snapshot, or the raw hello). */
export function openReader(url: string, headers: Record<string, string> = {}): Reader {
  let carry = '';
  let openedResolve: () => void = () => undefined;
  let openedReject: (e: Error) => void = () => undefined;
  const reader: Reader = {
    changes: 0,
    lastChangeAt: 0,
    opened: new Promise<void>((resolve, reject) => {
      openedResolve = resolve;
      openedReject = reject;
    }),
    close: () => request.destroy(),
  };
  const request = http.get(url, { agent, headers: { accept: 'text/event-stream', ...headers } }, (res) => {
    if (res.statusCode !== 200) {
      openedReject(new Error(`${url}: ${res.statusCode}`));
      res.resume();
      return;
    }
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      openedResolve();
      const text = carry + chunk;
      if (reader.onFrame) {
        const blocks = text.split('\n\n');
        carry = blocks.pop() ?? '';
        const at = performance.now();
        for (const block of blocks) {
          if (block.includes(marker)) {
            reader.changes++;
            reader.lastChangeAt = at;
          }
          reader.onFrame(block, at);
        }
        return;
      }
      const before = reader.changes;
      for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length))
        reader.changes++;
      if (reader.changes > before) reader.lastChangeAt = performance.now();
      // A marker can straddle two chunks; keep less than one marker so none is counted twice.
      carry = text.slice(-(marker.length - 1));
    });
  });
  request.on('error', (error) => openedReject(error));
  return reader;
}

/** Opens `count` readers, `concurrency` connecting at a time. */
export async function openReaders(count: number, open: () => Reader, concurrency = 100): Promise<Reader[]> {
  const readers: Reader[] = [];
  for (let i = 0; i < count; i += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, count - i) }, open);
    await Promise.all(batch.map((r) => r.opened));
    readers.push(...batch);
  }
  return readers;
}

/** Until every reader has counted `total` changes; resolves with the ms it took from `since`. */
export async function allReached(
  readers: readonly Reader[],
  total: number,
  since: number,
  timeoutMs = 120_000,
) {
  for (;;) {
    if (readers.every((r) => r.changes >= total)) return performance.now() - since;
    if (performance.now() - since > timeoutMs) {
      const behind = readers.filter((r) => r.changes < total).length;
      throw new Error(
        `${behind} of ${readers.length} readers short of ${total} changes after ${timeoutMs} ms`,
      );
    }
    await new Promise((r) => setTimeout(r, 2));
  }
}
