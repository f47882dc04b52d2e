// The rebuild's fold (ADR 0033): ledger rows as PostgreSQL's COPY text hands them out
// (`units  metric  day  delta`), added into one accumulator per (unit, metric, period) by the same
// rule the live path rolls a batch up with (`countsIn`). Codes, metrics and days are interned to
// small integers once, so the millions of additions are integer-keyed, not string-keyed: a path,
// a metric and a day repeat across the ledger, the cells they add to do not.
import { parsePeriod, periodsOfDay } from '../periods/period.ts';
import { countsIn } from '../rollups/rollup.ts';

/** Numbers for strings, both ways. */
class Interner {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();

  idOf(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}

// A (unit, metric) pair as one integer: unit id × this + metric id.
const metricSlots = 1024;

export interface FoldedCell {
  readonly unitCode: string;
  readonly metric: string;
  readonly period: string;
  readonly value: number;
}

export class BulkFold {
  /** Ledger rows folded. */
  rows = 0;
  private readonly units = new Interner();
  private readonly metrics = new Interner();
  private readonly periods = new Interner();
  private readonly paths = new Map<string, number[]>();
  private readonly days = new Map<string, number[]>();
  /** (unit, metric) → period → value. */
  private readonly cells = new Map<number, Map<number, number>>();

  /** One COPY text line, without its newline. */
  addLine(line: string): void {
    const a = line.indexOf('\t');
    const b = line.indexOf('\t', a + 1);
    const c = line.indexOf('\t', b + 1);
    const metric = this.metrics.idOf(line.slice(a + 1, b));
    if (metric >= metricSlots) throw new Error(`More than ${metricSlots} metrics in the ledger.`);
    const delta = Number(line.slice(c + 1));
    countsIn(this.pathOf(line.slice(0, a)), this.periodsOf(line.slice(b + 1, c)), (unit, period) => {
      this.add(unit * metricSlots + metric, period, delta);
    });
    this.rows++;
  }

  /** The cells that do not net to 0, as the rollup table holds them. */
  *nonZeroCells(): Generator<FoldedCell> {
    for (const [pair, periods] of this.cells) {
      const unitCode = this.units.names[Math.floor(pair / metricSlots)] ?? '';
      const metric = this.metrics.names[pair % metricSlots] ?? '';
      for (const [period, value] of periods) {
        if (value !== 0) yield { unitCode, metric, period: this.periods.names[period] ?? '', value };
      }
    }
  }

  /** What each period key is (day, month, quarter, year), as the live path records it. */
  kindOf(period: string): string {
    return parsePeriod(period)?.kind ?? 'day';
  }

  /**
   * The cells as COPY text rows (`unit  metric  period  kind  value`), about a megabyte per piece.
   * The row's fixed parts are made once per (unit, metric) and once per period, not once per cell.
   */
  *copyText(): Generator<string> {
    const periodParts = this.periods.names.map((p) => `${p}\t${this.kindOf(p)}\t`);
    let piece = '';
    for (const [pair, periods] of this.cells) {
      const head = this.headOf(pair);
      for (const [period, value] of periods) {
        if (value !== 0) piece += `${head}${periodParts[period] ?? ''}${value}\n`;
      }
      if (piece.length >= 1 << 20) {
        yield piece;
        piece = '';
      }
    }
    if (piece.length > 0) yield piece;
  }

  /** `unit  metric  ` of a (unit, metric) pair. */
  private headOf(pair: number): string {
    const unit = this.units.names[Math.floor(pair / metricSlots)];
    const metric = this.metrics.names[pair % metricSlots];
    return `${unit ?? ''}\t${metric ?? ''}\t`;
  }

  private add(pair: number, period: number, delta: number): void {
    let periods = this.cells.get(pair);
    if (periods === undefined) {
      periods = new Map();
      this.cells.set(pair, periods);
    }
    periods.set(period, (periods.get(period) ?? 0) + delta);
  }

  /** `{66,643,24172}` (a text array: unit codes need no quoting) as unit ids. */
  private pathOf(array: string): number[] {
    let ids = this.paths.get(array);
    if (ids === undefined) {
      const codes = array.length > 2 ? array.slice(1, -1).split(',') : [];
      ids = codes.map((code) => this.units.idOf(code));
      this.paths.set(array, ids);
    }
    return ids;
  }

  private periodsOf(day: string): number[] {
    let ids = this.days.get(day);
    if (ids === undefined) {
      ids = periodsOfDay(day).map((period) => this.periods.idOf(period));
      this.days.set(day, ids);
    }
    return ids;
  }
}
