// The rebuilt cells as COPY text rows in the fresh table's key order (ADR 0038, 0041): each
// partition folded alone and its cells appended, ordered, as one run of a temporary file; the runs
// merged (a heap of one cursor per run) as they are folded, as far as the partitions still to fold
// allow, so the server writes while Node folds. Memory holds one partition's accumulators, one
// piece per run and the pieces merged ahead of the server, never the country's cells.
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

/** Restores the heap above `at` after a cursor was added there. */
function siftUp(heap: Cursor[], at: number): void {
  for (let i = at; i > 0;) {
    const parent = (i - 1) >> 1;
    if (keyAt(heap, parent) <= keyAt(heap, i)) return;
    [heap[i], heap[parent]] = [heap[parent] as Cursor, heap[i] as Cursor];
    i = parent;
  }
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

/** The folded runs merged into COPY text in key order, as far as the runs not yet folded allow. */
class RunMerge {
  private readonly heap: Cursor[] = [];
  private piece = '';
  private readonly runs: SpillFile;
  private readonly order: CellOrder;

  constructor(runs: SpillFile, order: CellOrder) {
    this.runs = runs;
    this.order = order;
  }

  add(run: number): void {
    const cursor = new Cursor(this.runs.read(run));
    if (cursor.done) return;
    this.heap.push(cursor);
    siftUp(this.heap, this.heap.length - 1);
  }

  /** The rows of every cell placed before `frontier`, about 1 MB a piece; the last part is kept. */
  *until(frontier: number): Generator<string> {
    const heap = this.heap;
    for (let top = heap[0]; top !== undefined && top.key < frontier; top = heap[0]) {
      this.piece += this.order.rowAt(top.key, top.value);
      advance(heap, top);
      if (this.piece.length >= 1 << 20) {
        yield this.piece;
        this.piece = '';
      }
    }
  }

  /** What is left once every run is merged. */
  rest(): string {
    return this.piece;
  }
}

/**
 * The partitions in the order their first cell comes in key order, each with that place. Folding
 * them in this order, the cells placed before the next partition's first can be written while it
 * folds: with codes given out province by province (as Vietnam's are), most of each partition.
 */
function inWritingOrder(
  ledger: LedgerPartitions,
  partitions: readonly (readonly number[])[],
  order: CellOrder,
): { keys: readonly number[]; first: number }[] {
  const firstOf = new Map<number, number>();
  for (let unit = 0; unit < ledger.units.names.length; unit++) {
    const root = ledger.rootOf(unit);
    firstOf.set(root, Math.min(firstOf.get(root) ?? Infinity, order.keyOf(unit, 0, 0)));
  }
  return partitions
    .map((keys) => ({ keys, first: firstOf.get(ledger.rootOf(keys[0] ?? 0)) ?? 0 }))
    .sort((a, b) => a.first - b.first);
}

/**
 * Folds the partitions one at a time and yields the cells' COPY text rows in key order, about 1 MB
 * a piece: after each partition, the cells that no partition left to fold can precede (ADR 0041),
 * so the server writes them while the next one folds. The fold gives the event loop a turn every
 * 64 k rows: the pieces go on to the server meanwhile, and the service keeps answering its liveness
 * probe and its Kafka heartbeats through a national fold of tens of seconds.
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
    const merge = new RunMerge(runs, order);
    const ordered = inWritingOrder(ledger, partitions, order);
    for (const [run, { keys }] of ordered.entries()) {
      const slices = fold.folding(keys);
      while (slices.next().done !== true) await new Promise(setImmediate);
      fold.spillInOrder(order, runs, run);
      runs.flush();
      merge.add(run);
      onPartition(run + 1);
      await new Promise(setImmediate);
      yield* merge.until(ordered[run + 1]?.first ?? Infinity);
    }
    const rest = merge.rest();
    if (rest.length > 0) yield rest;
  } finally {
    runs.close();
  }
}
