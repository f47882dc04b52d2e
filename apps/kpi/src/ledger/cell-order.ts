// The order the rebuild writes cells in (ADR 0038): the fresh table's key order, so that building
// the key after the rows finds them already sorted (PostgreSQL's sort checks for that first) instead
// of sorting millions of text keys. Each cell's place is one number, exact below 2^53: unit rank,
// then the key's second and third columns' ranks. Ranks compare names as JavaScript does (by UTF-16
// code unit), which for the ASCII codes, metric ids and period keys is the byte order of a C or
// C.UTF-8 collation. Under another collation the rows are merely unsorted: slower, never wrong.
import { parsePeriod } from '../periods/period.ts';
import type { LedgerPartitions } from './ledger-partitions.ts';

/** Which of metric and period the key names first after the unit. */
export type SecondColumn = 'metric' | 'period';

function ranked(names: readonly string[]): { ids: number[]; ranks: Int32Array } {
  const ids = names
    .map((_name, id) => id)
    .sort((a, b) => {
      const x = names[a] ?? '';
      const y = names[b] ?? '';
      return x < y ? -1 : x > y ? 1 : 0;
    });
  const ranks = new Int32Array(names.length);
  for (const [rank, id] of ids.entries()) ranks[id] = rank;
  return { ids, ranks };
}

export class CellOrder {
  readonly unitRanks: Int32Array;
  /** Ids of the key's second and third columns (metric or period), in key order. */
  readonly outerIds: readonly number[];
  readonly innerIds: readonly number[];
  /** COPY text parts by rank: `unit  `, and `metric  ` or `period  kind  `. */
  private readonly unitParts: readonly string[];
  private readonly outerParts: readonly string[];
  private readonly innerParts: readonly string[];
  private readonly span: number;
  readonly second: SecondColumn;

  constructor(ledger: LedgerPartitions, second: SecondColumn) {
    this.second = second;
    const units = ranked(ledger.units.names);
    const metrics = ranked(ledger.metrics.names);
    const periods = ranked(ledger.periods.names);
    const [outer, inner] = second === 'metric' ? [metrics, periods] : [periods, metrics];
    this.unitRanks = units.ranks;
    this.outerIds = outer.ids;
    this.innerIds = inner.ids;
    this.unitParts = units.ids.map((id) => `${ledger.units.names[id] ?? ''}\t`);
    const metricParts = metrics.ids.map((id) => `${ledger.metrics.names[id] ?? ''}\t`);
    const periodParts = periods.ids.map((id) => {
      const period = ledger.periods.names[id] ?? '';
      return `${period}\t${parsePeriod(period)?.kind ?? 'day'}\t`;
    });
    [this.outerParts, this.innerParts] =
      second === 'metric' ? [metricParts, periodParts] : [periodParts, metricParts];
    this.span = outer.ids.length * inner.ids.length;
    if (units.ids.length * this.span >= 2 ** 53) throw new Error('Too many cells to order by one number.');
  }

  /** The place of (unit, outer rank, inner rank) in key order. */
  keyOf(unit: number, outerRank: number, innerRank: number): number {
    return (this.unitRanks[unit] ?? 0) * this.span + outerRank * this.innerIds.length + innerRank;
  }

  /** The COPY text row (`unit  metric  period  kind  value`) of the cell at a place. */
  rowAt(key: number, value: number): string {
    const unitRank = Math.floor(key / this.span);
    const rest = key - unitRank * this.span;
    const outerRank = Math.floor(rest / this.innerIds.length);
    const outer = this.outerParts[outerRank] ?? '';
    const inner = this.innerParts[rest - outerRank * this.innerIds.length] ?? '';
    const unit = this.unitParts[unitRank] ?? '';
    return this.second === 'metric'
      ? `${unit}${outer}${inner}${value}\n`
      : `${unit}${inner}${outer}${value}\n`;
  }
}
