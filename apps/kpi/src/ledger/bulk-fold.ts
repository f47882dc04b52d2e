// The rebuild's fold of one partition (ADR 0033, 0038): each packed ledger row added into its
// cells by the same rule the live path rolls a batch up with (`countsIn`: every unit it names, in
// each period of its day). The accumulators are dense arrays of 64 periods per (unit, metric),
// made when first touched and only for one partition (about a province) at a time, so an addition
// is two array reads, not a hash lookup over the whole country's cells.
import { parsePeriod } from '../periods/period.ts';
import { countsIn } from '../rollups/rollup.ts';
import type { LedgerPartitions } from './ledger-partitions.ts';

const blockBits = 6;
const blockSize = 1 << blockBits;

export interface FoldedCell {
  readonly unitCode: string;
  readonly metric: string;
  readonly period: string;
  readonly value: number;
}

export class PartitionFold {
  /** Global unit id → its place in this partition's accumulators, -1 when not touched. */
  private readonly local: Int32Array;
  private touched: number[] = [];
  /** (local unit × metrics + metric) → period block → values. */
  private slots: ((Float64Array | undefined)[] | undefined)[] = [];
  private readonly metricCount: number;
  /** `period  kind  ` of each period id, the row's fixed middle. */
  private readonly periodParts: string[];
  private metric = 0;
  private delta = 0;

  constructor(private readonly ledger: LedgerPartitions) {
    this.local = new Int32Array(ledger.units.names.length).fill(-1);
    this.metricCount = ledger.metrics.names.length;
    this.periodParts = ledger.periods.names.map((p) => `${p}\t${parsePeriod(p)?.kind ?? 'day'}\t`);
  }

  /** Folds the rows spilled under these keys (one partition), forgetting the previous one. */
  fold(keys: readonly number[]): void {
    for (const unit of this.touched) this.local[unit] = -1;
    this.touched = [];
    this.slots = [];
    const { pathUnits, dayPeriods } = this.ledger;
    for (const key of keys) {
      for (const r of this.ledger.spill.read(key)) {
        for (let i = 0; i < r.count; i++) {
          this.metric = r.halves[i * 8 + 2] ?? 0;
          this.delta = r.deltas[i * 2 + 1] ?? 0;
          countsIn(pathUnits[r.paths[i * 4] ?? 0] ?? [], dayPeriods[r.halves[i * 8 + 3] ?? 0] ?? [], this.add);
        }
      }
    }
  }

  /** The partition's cells that do not net to 0. */
  *cells(): Generator<FoldedCell> {
    for (const [slot, blocks] of this.slots.entries()) {
      if (blocks === undefined) continue;
      const unitCode = this.unitCodeOf(slot);
      const metric = this.ledger.metrics.names[slot % this.metricCount] ?? '';
      for (const [b, block] of blocks.entries()) {
        if (block === undefined) continue;
        for (const [i, value] of block.entries()) {
          const period = this.ledger.periods.names[b * blockSize + i] ?? '';
          if (value !== 0) yield { unitCode, metric, period, value };
        }
      }
    }
  }

  /**
   * The cells as COPY text rows (`unit  metric  period  kind  value`), about a megabyte per piece;
   * the row's fixed parts made once per (unit, metric) and once per period, not once per cell.
   */
  *copyText(): Generator<string> {
    let piece = '';
    for (const [slot, blocks] of this.slots.entries()) {
      if (blocks === undefined) continue;
      const head = `${this.unitCodeOf(slot)}\t${this.ledger.metrics.names[slot % this.metricCount] ?? ''}\t`;
      for (const [b, block] of blocks.entries()) {
        if (block !== undefined) piece += this.rowsOf(head, b, block);
      }
      if (piece.length >= 1 << 20) {
        yield piece;
        piece = '';
      }
    }
    if (piece.length > 0) yield piece;
  }

  private rowsOf(head: string, b: number, block: Float64Array): string {
    let rows = '';
    for (let i = 0; i < blockSize; i++) {
      const value = block[i] ?? 0;
      if (value !== 0) rows += `${head}${this.periodParts[b * blockSize + i] ?? ''}${value}\n`;
    }
    return rows;
  }

  private unitCodeOf(slot: number): string {
    const unit = this.touched[Math.floor(slot / this.metricCount)] ?? 0;
    return this.ledger.units.names[unit] ?? '';
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
