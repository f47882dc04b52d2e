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
  private readonly days = new Map<string, number>();
  /** Union-find over unit ids. */
  private readonly parent: number[] = [];

  /** One COPY text line, without its newline. */
  addLine(line: string): void {
    const a = line.indexOf('\t');
    const b = line.indexOf('\t', a + 1);
    const c = line.indexOf('\t', b + 1);
    const pathId = this.pathOf(line.slice(0, a));
    const metric = this.metrics.idOf(line.slice(a + 1, b));
    if (metric >= maxIds) throw new Error(`More than ${maxIds} metrics in the ledger.`);
    const day = this.dayOf(line.slice(b + 1, c));
    this.rows++;
    const first = this.pathUnits[pathId]?.[0];
    // A row that names no unit counts in no cell.
    if (first === undefined) return;
    this.spill.push(this.rootOf(first), pathId, metric * maxIds + day, Number(line.slice(c + 1)));
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
  private pathOf(array: string): number {
    let id = this.paths.get(array);
    if (id === undefined) {
      const codes = array.length > 2 ? array.slice(1, -1).split(',') : [];
      const units = codes.map((code) => this.unitOf(code));
      for (const unit of units.slice(1)) this.join(units[0] ?? unit, unit);
      id = this.pathUnits.length;
      this.pathUnits.push(units);
      this.paths.set(array, id);
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

  private dayOf(day: string): number {
    let id = this.days.get(day);
    if (id === undefined) {
      id = this.dayPeriods.length;
      if (id >= maxIds) throw new Error(`More than ${maxIds} days in the ledger.`);
      this.dayPeriods.push(periodsOfDay(day).map((period) => this.periods.idOf(period)));
      this.days.set(day, id);
    }
    return id;
  }
}
