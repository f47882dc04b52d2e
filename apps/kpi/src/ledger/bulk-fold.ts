// The rebuild's fold of one partition (ADR 0033, 0038): each packed ledger row added into its
// cells by the same rule the live path rolls a batch up with (`countsIn`: every unit it names, in
// each period of its day). The accumulators are dense arrays of 64 periods per (unit, metric),
// made when first touched and only for one partition (about a province) at a time, so an addition
// is two array reads, not a hash lookup over the whole country's cells.
import { countsIn } from '../rollups/rollup.ts';
import type { CellOrder } from './cell-order.ts';
import type { LedgerPartitions } from './ledger-partitions.ts';
import type { Records, SpillFile } from './spill-file.ts';

const blockBits = 6;
const blockSize = 1 << blockBits;

export class PartitionFold {
  /** Global unit id → its place in this partition's accumulators, -1 when not touched. */
  private readonly local: Int32Array;
  private touched: number[] = [];
  /** (local unit × metrics + metric) → period block → values. */
  private slots: ((Float64Array | undefined)[] | undefined)[] = [];
  private readonly metricCount: number;
  private metric = 0;
  private delta = 0;

  private readonly ledger: LedgerPartitions;

  constructor(ledger: LedgerPartitions) {
    this.ledger = ledger;
    this.local = new Int32Array(ledger.units.names.length).fill(-1);
    this.metricCount = ledger.metrics.names.length;
  }

  /**
   * Folds the rows spilled under these keys (one partition), forgetting the previous one, in slices
   * of 64 k rows: the caller gives the event loop a turn after each, so the cells already merged go
   * on to the server meanwhile (ADR 0041).
   */
  *folding(keys: readonly number[]): Generator<void> {
    for (const unit of this.touched) this.local[unit] = -1;
    this.touched = [];
    this.slots = [];
    let pieces = 0;
    for (const key of keys) {
      for (const records of this.ledger.spill.read(key)) {
        this.foldPiece(records);
        if (++pieces % 16 === 0) yield;
      }
    }
  }

  private foldPiece(r: Records): void {
    const { pathUnits, dayPeriods } = this.ledger;
    for (let i = 0; i < r.count; i++) {
      this.metric = r.halves[i * 8 + 2] ?? 0;
      this.delta = r.deltas[i * 2 + 1] ?? 0;
      countsIn(pathUnits[r.paths[i * 4] ?? 0] ?? [], dayPeriods[r.halves[i * 8 + 3] ?? 0] ?? [], this.add);
    }
  }

  /**
   * The partition's cells that do not net to 0, in key order (CellOrder), appended to a run of
   * (place, value) pairs: the runs of all partitions are merged into one ordered stream.
   */
  spillInOrder(order: CellOrder, out: SpillFile, run: number): void {
    const rank = (place: number) => order.unitRanks[this.touched[place] ?? 0] ?? 0;
    const places = this.touched.map((_unit, place) => place).sort((a, b) => rank(a) - rank(b));
    for (const place of places) this.spillUnit(order, { out, run }, place);
  }

  private spillUnit(order: CellOrder, to: { out: SpillFile; run: number }, place: number): void {
    const unit = this.touched[place] ?? 0;
    const metricFirst = order.second === 'metric';
    const { outerIds, innerIds } = order;
    for (let o = 0; o < outerIds.length; o++) {
      for (let i = 0; i < innerIds.length; i++) {
        const [outer, inner] = [outerIds[o] ?? 0, innerIds[i] ?? 0];
        const value = metricFirst ? this.valueAt(place, outer, inner) : this.valueAt(place, inner, outer);
        if (value !== 0) to.out.pushPair(to.run, order.keyOf(unit, o, i), value);
      }
    }
  }

  private valueAt(place: number, metric: number, period: number): number {
    const block = this.slots[place * this.metricCount + metric]?.[period >> blockBits];
    return block === undefined ? 0 : (block[period & (blockSize - 1)] ?? 0);
  }

  private readonly add = (unit: number, period: number): void => {
    let place = this.local[unit] ?? -1;
    if (place < 0) {
      place = this.touched.length;
      this.local[unit] = place;
      this.touched.push(unit);
    }
    const slot = place * this.metricCount + this.metric;
    const blocks = (this.slots[slot] ??= []);
    const block = (blocks[period >> blockBits] ??= new Float64Array(blockSize));
    block[period & (blockSize - 1)] = (block[period & (blockSize - 1)] ?? 0) + this.delta;
  };
}
