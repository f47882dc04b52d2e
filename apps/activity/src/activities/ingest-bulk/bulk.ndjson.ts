// NDJSON from field apps syncing after being offline: one report per line, as the single endpoint.
// Read as it arrives, a region of whole lines at a time (docs/adr/0039): a line never waits for the
// rest of the file, and the file is never held whole, as bytes or as text.
import { reportFromJson } from '../activity-report.request.ts';
import type { ShapeCheck } from '../activity-report.request.ts';
import { LazyLine, type BulkLine } from './bulk-line.ts';

/** Bytes that are not UTF-8: the whole file is refused, as before any line is judged. */
export class NotUtf8 extends Error {}

// Excel's "CSV UTF-8" and some editors start a file with a BOM: dropped at the start, kept after.
const fileStart = new TextDecoder('utf-8', { fatal: true });
const fileRest = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const newline = 0x0a;

/**
 * The non-blank lines of an NDJSON file, numbered as an editor numbers them (LF or CRLF). A chunk
 * is decoded up to its last newline, which is always a character boundary; the rest waits for the
 * next chunk, copied: the producer may fill the same buffer again once the next chunk is asked for.
 */
export async function* ndjsonLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<BulkLine> {
  let lineNumber = 0;
  let first = true;
  const region = function* (bytes: Uint8Array, complete: boolean): Generator<BulkLine> {
    const segments = decode(bytes, first).split(/\r?\n/);
    first = false;
    // A region ends with its newline: the empty segment after it is the next region's start.
    if (complete) segments.pop();
    for (const raw of segments) {
      lineNumber++;
      if (raw.trim() !== '') yield new LazyLine(lineNumber, raw, judge);
    }
  };
  // The unfinished line's pieces, joined once its newline comes: a long line is copied once, not
  // once per chunk it spans.
  let pending: Uint8Array[] = [];
  for await (const chunk of chunks) {
    const end = chunk.lastIndexOf(newline) + 1;
    if (end === 0) {
      pending.push(Buffer.from(chunk));
      continue;
    }
    const head =
      pending.length === 0 ? chunk.subarray(0, end) : Buffer.concat([...pending, chunk.subarray(0, end)]);
    pending = end < chunk.length ? [Buffer.from(chunk.subarray(end))] : [];
    yield* region(head, true);
  }
  yield* region(Buffer.concat(pending), false);
}

function decode(bytes: Uint8Array, first: boolean): string {
  try {
    return (first ? fileStart : fileRest).decode(bytes);
  } catch {
    throw new NotUtf8('not valid UTF-8');
  }
}

function judge(raw: string): ShapeCheck {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, problems: [{ field: 'line', reason: 'not valid JSON' }] };
  }
  return reportFromJson(value);
}
