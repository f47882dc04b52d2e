// The rebuild's first pass (ADR 0038): ledger rows as PostgreSQL's COPY text hands them out
// (`units  metric  day  delta`), split into partitions that can be folded alone. A partition is a
// set of units no row links to a unit outside it: units named in one row are joined (union-find),
// so a province's path rows, and the distinct-count rows that name only some of its units, end up
// together, and a unit's cells are all made from one partition. Codes, metrics, days and whole
// paths are interned to small integers once, so the rows spilled are 16 bytes each.
import { periodsOfDay } from '../periods/period.ts';
import { SpillFile } from './spill-file.ts';

/** Numbers for strings, both ways. */
export class Interner {
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

// Metric and day ids are spilled as 16-bit numbers.
const maxIds = 1 << 16;

/** The integer written in ASCII digits from start to end, with an optional leading minus. */
function integerAt(bytes: Buffer, start: number, end: number): number {
  const negative = bytes[start] === 45;
  let value = 0;
  for (let i = negative ? start + 1 : start; i < end; i++) value = value * 10 + (bytes[i] ?? 48) - 48;
  return negative ? -value : value;
}

export class LedgerPartitions {
  /** Ledger rows read. */
  rows = 0;
  readonly units = new Interner();
  readonly metrics = new Interner();
  readonly periods = new Interner();
  /** Path id → its unit ids. */
  readonly pathUnits: number[][] = [];
  /** Day id → its period ids (day, month, quarter, year), as `periodsOfDay` gives them. */
  readonly dayPeriods: number[][] = [];
  readonly spill = new SpillFile();
  private readonly paths = new Map<string, number>();
  private readonly metricIds = new Map<string, number>();
  private readonly days = new Map<number, number>();
  /** Union-find over unit ids. */
  private readonly parent: number[] = [];

  /**
   * The complete lines of COPY text in `bytes`; answers where the unfinished last line starts. Read
   * from the bytes, not from decoded strings: only the path and metric are made strings (one-byte
   * latin1, a lookup key; names are decoded as UTF-8 once, when first seen), the day and delta are
   * read as digits.
   */
  addRows(bytes: Buffer): number {
    let start = 0;
    for (let end = bytes.indexOf(10); end !== -1; end = bytes.indexOf(10, start)) {
      this.addRow(bytes, start, end);
      start = end + 1;
    }
    return start;
  }

  private addRow(bytes: Buffer, start: number, end: number): void {
    const a = bytes.indexOf(9, start);
    const b = bytes.indexOf(9, a + 1);
    const pathId = this.pathOf(bytes, start, a);
    const metric = this.metricOf(bytes, a + 1, b);
    const day = this.dayOf(bytes, b + 1);
    this.rows++;
    const first = this.pathUnits[pathId]?.[0];
    // A row that names no unit counts in no cell.
    if (first === undefined) return;
    this.spill.push(this.rootOf(first), pathId, metric * maxIds + day, integerAt(bytes, b + 12, end));
  }

  /** The partitions, each as the spill keys its rows lie under (after the last line). */
  partitions(): number[][] {
    this.spill.flush();
    const groups = new Map<number, number[]>();
    for (const key of this.spill.keys()) {
      const root = this.rootOf(key);
      const keys = groups.get(root);
      if (keys === undefined) groups.set(root, [key]);
      else keys.push(key);
    }
    return [...groups.values()];
  }

  rootOf(unit: number): number {
    let root = unit;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    for (let u = unit; u !== root;) {
      const next = this.parent[u] ?? root;
      this.parent[u] = root;
      u = next;
    }
    return root;
  }

  /** `{66,643,24172}` (a text array: unit codes need no quoting) as a path id; joins its units. */
  private pathOf(bytes: Buffer, start: number, end: number): number {
    const key = bytes.toString('latin1', start, end);
    let id = this.paths.get(key);
    if (id === undefined) {
      const array = bytes.toString('utf8', start, end);
      const codes = array.length > 2 ? array.slice(1, -1).split(',') : [];
      const units = codes.map((code) => this.unitOf(code));
      for (const unit of units.slice(1)) this.join(units[0] ?? unit, unit);
      id = this.pathUnits.length;
      this.pathUnits.push(units);
      this.paths.set(key, id);
    }
    return id;
  }

  private metricOf(bytes: Buffer, start: number, end: number): number {
    const key = bytes.toString('latin1', start, end);
    let id = this.metricIds.get(key);
    if (id === undefined) {
      id = this.metrics.idOf(bytes.toString('utf8', start, end));
      if (id >= maxIds) throw new Error(`More than ${maxIds} metrics in the ledger.`);
      this.metricIds.set(key, id);
    }
    return id;
  }

  private unitOf(code: string): number {
    const id = this.units.idOf(code);
    if (id === this.parent.length) this.parent.push(id);
    return id;
  }

  private join(a: number, b: number): void {
    const ra = this.rootOf(a);
    const rb = this.rootOf(b);
    if (ra !== rb) this.parent[rb] = ra;
  }

  /** `2025-03-31` (ISO, as the rebuild's DateStyle writes it) as a day id. */
  private dayOf(bytes: Buffer, start: number): number {
    const key =
      integerAt(bytes, start, start + 4) * 10000 +
      integerAt(bytes, start + 5, start + 7) * 100 +
      integerAt(bytes, start + 8, start + 10);
    let id = this.days.get(key);
    if (id === undefined) {
      id = this.dayPeriods.length;
      if (id >= maxIds) throw new Error(`More than ${maxIds} days in the ledger.`);
      const day = bytes.toString('latin1', start, start + 10);
      this.dayPeriods.push(periodsOfDay(day).map((period) => this.periods.idOf(period)));
      this.days.set(key, id);
    }
    return id;
  }
}
