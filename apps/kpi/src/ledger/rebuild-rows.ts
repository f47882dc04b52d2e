// The rebuilt cells as COPY text rows in the fresh table's key order (ADR 0038): each partition
// folded alone and its cells appended, ordered, as one run of a temporary file; then the runs
// merged (a heap of one cursor per run), so memory holds one partition's accumulators while
// folding and one piece per run while merging, never the country's cells.
import { PartitionFold } from './bulk-fold.ts';
import type { CellOrder } from './cell-order.ts';
import type { LedgerPartitions } from './ledger-partitions.ts';
import { SpillFile, type Records } from './spill-file.ts';

class Cursor {
  private records: Records | undefined;
  private i = 0;
  private readonly pieces: Iterator<Records>;

  constructor(pieces: Iterator<Records>) {
    this.pieces = pieces;
    this.nextPiece();
  }

  get done(): boolean {
    return this.records === undefined;
  }

  get key(): number {
    return this.records?.deltas[this.i * 2] ?? Infinity;
  }

  get value(): number {
    return this.records?.deltas[this.i * 2 + 1] ?? 0;
  }

  advance(): void {
    if (++this.i >= (this.records?.count ?? 0)) this.nextPiece();
  }

  private nextPiece(): void {
    const next = this.pieces.next();
    this.records = next.done === true ? undefined : next.value;
    this.i = 0;
  }
}

const keyAt = (heap: readonly Cursor[], i: number) => (i < heap.length ? (heap[i] as Cursor).key : Infinity);

/** Restores the heap below `at` after its key grew. */
function siftDown(heap: Cursor[], at: number): void {
  for (let i = at; ;) {
    const l = 2 * i + 1;
    let least = keyAt(heap, l) < keyAt(heap, i) ? l : i;
    if (keyAt(heap, l + 1) < keyAt(heap, least)) least = l + 1;
    if (least === i) return;
    [heap[i], heap[least]] = [heap[least] as Cursor, heap[i] as Cursor];
    i = least;
  }
}

function heapOf(runs: SpillFile, count: number): Cursor[] {
  const heap: Cursor[] = [];
  for (let run = 0; run < count; run++) {
    const cursor = new Cursor(runs.read(run));
    if (!cursor.done) heap.push(cursor);
  }
  for (let i = Math.floor(heap.length / 2); i >= 0; i--) siftDown(heap, i);
  return heap;
}

/** Moves the least cursor on, dropping it when its run is done. */
function advance(heap: Cursor[], top: Cursor): void {
  top.advance();
  if (top.done) {
    const last = heap.pop() as Cursor;
    if (heap.length > 0) heap[0] = last;
  }
  siftDown(heap, 0);
}

function* merged(runs: SpillFile, count: number, order: CellOrder): Generator<string> {
  const heap = heapOf(runs, count);
  let piece = '';
  for (let top = heap[0]; top !== undefined; top = heap[0]) {
    piece += order.rowAt(top.key, top.value);
    advance(heap, top);
    if (piece.length >= 1 << 20) {
      yield piece;
      piece = '';
    }
  }
  if (piece.length > 0) yield piece;
}

/**
 * Folds every partition, then yields the cells' COPY text rows in key order, about 1 MB a piece.
 * It gives the event loop a turn after each partition: a national fold takes tens of seconds, and
 * the service must keep answering its liveness probe and its Kafka heartbeats meanwhile.
 */
export async function* rebuiltRows(
  ledger: LedgerPartitions,
  partitions: readonly (readonly number[])[],
  order: CellOrder,
  onPartition: (done: number) => void = () => undefined,
): AsyncGenerator<string> {
  const runs = new SpillFile();
  try {
    const fold = new PartitionFold(ledger);
    for (const [run, keys] of partitions.entries()) {
      fold.fold(keys);
      fold.spillInOrder(order, runs, run);
      runs.flush();
      onPartition(run + 1);
      await new Promise(setImmediate);
    }
    yield* merged(runs, partitions.length, order);
  } finally {
    runs.close();
  }
}
