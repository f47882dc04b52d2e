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
        yield* ndjsonLines(readReusing(file));
      } catch (error) {
        throw error instanceof NotUtf8 ? notUtf8() : error;
      }
    },
    discard,
  };
}

/**
 * The file's bytes, read 64 KiB at a time into one buffer that every read reuses (each chunk is
 * decoded before the next is read). A read stream allocates a buffer a read: 64 KiB ones come from
 * malloc and wait for a collection of their small JavaScript wrappers, ~15 MB of them at once while
 * a file was read, which malloc kept; 256 KiB ones were each decoded to a string V8 keeps until a
 * full collection (docs/adr/0042, addendum).
 */
async function* readReusing(file: string, size = 64 * 1024): AsyncGenerator<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(size);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, size, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
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
