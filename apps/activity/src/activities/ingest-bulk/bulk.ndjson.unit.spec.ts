import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { PayloadTooLargeException } from '@nestjs/common';
import { StreamedBody } from '@nhip/service-http';
import type { BulkLine } from './bulk-line.ts';
import { receiveBulk } from './bulk-upload.ts';
import { ndjsonLines, NotUtf8 } from './bulk.ndjson.ts';

const report = (kind: string) =>
  JSON.stringify({
    activityId: randomUUID(),
    teamId: randomUUID(),
    placeCode: '24175-001',
    kind,
    residentsHelped: 3,
    occurredAt: '2026-11-20T19:30:00+07:00',
  });

/** The file's bytes cut into chunks at the given offsets, as a socket might deliver them. */
function cut(bytes: Buffer, at: readonly number[]): Readable {
  let from = 0;
  const chunks = [...at, bytes.length].map((to) => {
    const chunk = bytes.subarray(from, to);
    from = to;
    return chunk;
  });
  return Readable.from(chunks);
}

/** The same chunks through one buffer the producer fills again for every chunk, as a file read does. */
async function* reusing(chunks: Readable): AsyncGenerator<Buffer> {
  const buffer = Buffer.alloc(4096);
  for await (const chunk of chunks as AsyncIterable<Buffer>) {
    buffer.fill(0x7b); // what a stale view would show: '{' everywhere
    chunk.copy(buffer);
    yield buffer.subarray(0, chunk.length);
  }
}

async function read(lines: AsyncIterable<BulkLine>) {
  const out: { line: number; ok: boolean; field?: string }[] = [];
  for await (const { line, check } of lines)
    out.push({ line, ok: check.ok, ...(check.ok ? {} : { field: check.problems[0]?.field }) });
  return out;
}

describe('an NDJSON upload read as it arrives', () => {
  // A BOM, CRLF and LF, blank lines, a bad line mid-file, Vietnamese text split across chunks.
  const text = `\uFEFF${report('other')}\r\n\n{"ghi chú": "Thôn Ếa Tu"\r\n   \n${report('other')}\n${report('dạy')}`;
  const bytes = Buffer.from(text);
  const expected = [
    { line: 1, ok: true },
    { line: 3, ok: false, field: 'line' },
    { line: 5, ok: true },
    { line: 6, ok: false, field: 'kind' },
  ];

  it('numbers and judges every line as an editor shows it, wherever the chunks are cut', async () => {
    expect(await read(ndjsonLines(cut(bytes, [])))).toEqual(expected);
    for (let at = 1; at < bytes.length; at++) {
      expect(await read(ndjsonLines(cut(bytes, [at, Math.min(at + 7, bytes.length)])))).toEqual(expected);
    }
  });

  it('reads a line that spans many chunks, down to one byte a chunk', async () => {
    const everyByte = Array.from({ length: bytes.length - 1 }, (_v, i) => i + 1);
    expect(await read(ndjsonLines(cut(bytes, everyByte)))).toEqual(expected);
  });

  it('reads the same lines when the producer fills one buffer again for every chunk', async () => {
    for (let at = 1; at < bytes.length; at++) {
      const chunks = cut(bytes, [at, Math.min(at + 7, bytes.length)]);
      expect(await read(ndjsonLines(reusing(chunks)))).toEqual(expected);
    }
    const everyByte = Array.from({ length: bytes.length - 1 }, (_v, i) => i + 1);
    expect(await read(ndjsonLines(reusing(cut(bytes, everyByte))))).toEqual(expected);
  });

  it('refuses bytes that are not UTF-8 in any line, a BOM after the first line too', async () => {
    const bad = Buffer.concat([Buffer.from(`${report('other')}\n`), Buffer.from([0x7b, 0xff, 0x0a])]);
    await expect(read(ndjsonLines(cut(bad, [3])))).rejects.toBeInstanceOf(NotUtf8);
    const laterBom = await read(
      ndjsonLines(cut(Buffer.from(`${report('other')}\n\uFEFF${report('other')}`), [])),
    );
    expect(laterBom.map((l) => l.ok)).toEqual([true, false]);
  });
});

describe('receiving a bulk file', () => {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-spec-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the file on disk while it is read, twice, and removes it when done', async () => {
    const body = new StreamedBody(cut(Buffer.from(`${report('other')}\n${report('other')}\n`), [5]), 1e6);
    const file = await receiveBulk(body, 'application/x-ndjson', dir);
    expect(fs.readdirSync(dir)).toHaveLength(1);
    expect((await read(file.lines())).map((l) => l.line)).toEqual([1, 2]);
    expect((await read(file.lines())).map((l) => l.line)).toEqual([1, 2]);
    await file.discard();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('leaves nothing behind when the upload breaks off or grows past the limit', async () => {
    const brokenOff = new Readable({
      read() {
        this.push(Buffer.from(`${report('other')}\n`));
        this.destroy(new Error('aborted'));
      },
    });
    await expect(
      receiveBulk(new StreamedBody(brokenOff, 1e6), 'application/x-ndjson', dir),
    ).rejects.toMatchObject({
      problem: { status: 400, errors: [{ field: 'body' }] },
    });
    const big = cut(Buffer.alloc(3000, 'a'), [1000, 2000]);
    await expect(
      receiveBulk(new StreamedBody(big, 2500), 'application/x-ndjson', dir),
    ).rejects.toBeInstanceOf(PayloadTooLargeException);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a body that is not a file with 415', async () => {
    await expect(receiveBulk({ a: 1 }, 'application/json')).rejects.toMatchObject({
      problem: { status: 415 },
    });
  });
});
