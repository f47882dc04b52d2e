// The rebuild reads the ledger once, in the order the server stores it, but folds it one province
// at a time (ADR 0038): each ledger row is packed into 16 bytes and appended, by the partition it
// belongs to, to one temporary file, so what stays in memory is a small buffer per partition and
// an index of where each partition's pieces lie, not the country's deltas or cells.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tempPrefix } from '@nhip/service-http';

/** Bytes of one packed ledger row: path id (u32), metric id (u16), day id (u16), delta (f64). */
export const recordBytes = 16;
const recordsPerPiece = 4096;
// Past this many partitions with a half-filled buffer, all are written out: a ledger whose rows
// name thousands of unrelated units (distinct counts at single units) keeps memory bounded too.
const maxOpenBuffers = 256;

/** A piece of packed records and its views; records are read back through the same views. */
export class Records {
  readonly bytes: Uint8Array;
  readonly paths: Uint32Array;
  readonly halves: Uint16Array;
  readonly deltas: Float64Array;
  count = 0;

  constructor(capacity: number) {
    const buffer = new ArrayBuffer(capacity * recordBytes);
    this.bytes = new Uint8Array(buffer);
    this.paths = new Uint32Array(buffer);
    this.halves = new Uint16Array(buffer);
    this.deltas = new Float64Array(buffer);
  }

  push(pathId: number, metric: number, day: number, delta: number): void {
    const i = this.count++;
    this.paths[i * 4] = pathId;
    this.halves[i * 8 + 2] = metric;
    this.halves[i * 8 + 3] = day;
    this.deltas[i * 2 + 1] = delta;
  }

  /** A (key, value) pair of numbers: a folded cell and its place in the key order. */
  pushPair(key: number, value: number): void {
    const i = this.count++;
    this.deltas[i * 2] = key;
    this.deltas[i * 2 + 1] = value;
  }

  get full(): boolean {
    return this.count * recordBytes === this.bytes.length;
  }
}

export class SpillFile {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), `${tempPrefix('kpi')}rebuild-`));
  private readonly fd = fs.openSync(path.join(this.dir, 'ledger'), 'w+');
  private size = 0;
  private readonly open = new Map<number, Records>();
  /** Partition key → its pieces' (offset, records). */
  private readonly pieces = new Map<number, [number, number][]>();

  /** Appends one packed row under a partition key; `metricDay` is metric id × 2^16 + day id. */
  push(key: number, pathId: number, metricDay: number, delta: number): void {
    const records = this.bufferOf(key);
    records.push(pathId, metricDay >>> 16, metricDay & 0xffff, delta);
    if (records.full) this.writeOut(key, records);
  }

  /** Appends a pair of numbers under a key (a run of folded cells). */
  pushPair(key: number, a: number, b: number): void {
    const records = this.bufferOf(key);
    records.pushPair(a, b);
    if (records.full) this.writeOut(key, records);
  }

  /** Writes every buffered piece out; after this every row pushed can be read back. */
  flush(): void {
    for (const [key, records] of this.open) this.writeOut(key, records);
  }

  keys(): IterableIterator<number> {
    return this.pieces.keys();
  }

  /** The records pushed under a key, a piece at a time (the piece's buffer is reused). */
  *read(key: number): Generator<Records> {
    const records = new Records(recordsPerPiece);
    for (const [offset, count] of this.pieces.get(key) ?? []) {
      fs.readSync(this.fd, records.bytes, 0, count * recordBytes, offset);
      records.count = count;
      yield records;
    }
  }

  close(): void {
    fs.closeSync(this.fd);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private bufferOf(key: number): Records {
    let records = this.open.get(key);
    if (records === undefined) {
      if (this.open.size >= maxOpenBuffers) this.flush();
      records = new Records(recordsPerPiece);
      this.open.set(key, records);
    }
    return records;
  }

  private writeOut(key: number, records: Records): void {
    const bytes = records.count * recordBytes;
    fs.writeSync(this.fd, records.bytes, 0, bytes, this.size);
    let list = this.pieces.get(key);
    if (list === undefined) {
      list = [];
      this.pieces.set(key, list);
    }
    list.push([this.size, records.count]);
    this.size += bytes;
    this.open.delete(key);
  }
}
