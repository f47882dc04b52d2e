// A bulk upload as it arrives: NDJSON goes to a temporary file while it is received, then is read
// from there line by line, twice (once to sort the file out, once to write it), so the service
// holds neither the body nor its text (docs/adr/0039). Nothing is written before the whole file
// has arrived and been sorted out: a client that stops mid-upload leaves nothing behind, and one
// team outside the caller's area still refuses the whole file. CSV (a commune's sheet, small) is
// read whole, as before.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeUtf8 } from '@nhip/csv';
import { invalidRequest, StreamedBody, tempPrefix, unsupportedMediaType } from '@nhip/service-http';
import type { BulkLine } from './bulk-line.ts';
import { parseCsv } from './bulk.csv.ts';
import { ndjsonLines, NotUtf8 } from './bulk.ndjson.ts';

export interface BulkFile {
  /** Its non-blank lines in file order, each judged when read; may be read more than once. */
  lines(): AsyncIterable<BulkLine>;
  /** Removes what receiving it left on disk. */
  discard(): Promise<void>;
}

/** `spoolDir` holds an NDJSON file while it is read (a container's /tmp is an emptyDir). */
export async function receiveBulk(
  body: unknown,
  contentType: string,
  spoolDir = os.tmpdir(),
): Promise<BulkFile> {
  if (!(body instanceof StreamedBody)) throw notTheFile();
  if (contentType.startsWith('text/csv')) return csvFile(await readWhole(body));
  return spoolNdjson(body, spoolDir);
}

const notUtf8 = () =>
  invalidRequest([{ field: 'file', reason: 'not valid UTF-8: save the file as "CSV UTF-8"' }], 422);

async function spoolNdjson(body: StreamedBody, spoolDir: string): Promise<BulkFile> {
  const file = path.join(spoolDir, `${tempPrefix('activity')}bulk-${randomUUID()}.ndjson`);
  const discard = () => fs.promises.rm(file, { force: true });
  try {
    const handle = await fs.promises.open(file, 'wx', 0o600);
    try {
      // Each write awaited: the upload is read no faster than the disk takes it. A write may take
      // less than the whole chunk (a disk nearly full), so the rest is written after it.
      for await (const chunk of body.chunks()) await writeWhole(handle, chunk);
    } finally {
      await handle.close();
    }
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    async *lines() {
      try {
        // 64 KiB reads: each read is decoded to one string, and V8 puts a string over ~128 KiB in
        // its large-object space, which only a full collection frees; 256 KiB reads left ~80 such
        // strings a pass for it (docs/adr/0042, addendum).
        yield* ndjsonLines(fs.createReadStream(file, { highWaterMark: 64 * 1024 }));
      } catch (error) {
        throw error instanceof NotUtf8 ? notUtf8() : error;
      }
    },
    discard,
  };
}

async function writeWhole(handle: fs.promises.FileHandle, chunk: Buffer): Promise<void> {
  for (let at = 0; at < chunk.length;) at += (await handle.write(chunk, at)).bytesWritten;
}

async function readWhole(body: StreamedBody): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body.chunks()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function csvFile(bytes: Buffer): BulkFile {
  const text = decodeUtf8(bytes);
  if (text === undefined) throw notUtf8();
  const parsed = parseCsv(text);
  if ('problem' in parsed) throw invalidRequest([{ field: 'header', reason: parsed.problem }], 422);
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- the same shape as a spooled file's
    async *lines() {
      yield* parsed;
    },
    discard: () => Promise.resolve(),
  };
}

const notTheFile = () =>
  unsupportedMediaType(
    'Send the file itself',
    'The body must be the file: Content-Type application/x-ndjson (one JSON report per line) or text/csv.',
    'expected application/x-ndjson or text/csv',
  );
