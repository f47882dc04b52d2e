// The verdicts of an upload: an accepted line as its line number and its report id's 36 bytes,
// any other verdict (rare) as the object a person reads. 100,000 accepted lines take 4 MB outside
// the JavaScript heap instead of ~15 MB of objects and strings in it (docs/adr/0039). Storage
// grows with the verdicts, not with the line numbers: a file of blank lines with one report at
// line 20,000,000 keeps one entry, not 20 million empty ones.
import type { Verdict } from './verdict.ts';

const idBytes = 36;

export class VerdictLog {
  #lines = new Uint32Array(1024);
  #ids = Buffer.alloc(1024 * idBytes);
  #accepted = 0;
  readonly #others = new Map<number, Verdict>();
  readonly #counts = { accepted: 0, duplicate: 0, rejected: 0 };

  add(verdict: Verdict): void {
    this.#counts[verdict.verdict]++;
    if (verdict.verdict !== 'accepted' || verdict.activityId.length !== idBytes) {
      this.#others.set(verdict.line, verdict);
      return;
    }
    this.#grow();
    this.#lines[this.#accepted] = verdict.line;
    this.#ids.write(verdict.activityId, this.#accepted * idBytes, 'latin1');
    this.#accepted++;
  }

  count(verdict: Verdict['verdict']): number {
    return this.#counts[verdict];
  }

  /** Every verdict in line order, each made as it is read (chunks are written side by side). */
  *[Symbol.iterator](): Generator<Verdict> {
    const lines = this.#lines;
    const lineOf = (entry: number) => lines[entry] ?? 0;
    const order = Uint32Array.from({ length: this.#accepted }, (_v, i) => i).sort(
      (a, b) => lineOf(a) - lineOf(b),
    );
    const others = [...this.#others.entries()].sort(([a], [b]) => a - b).map(([, verdict]) => verdict);
    let next = 0;
    for (const entry of order) {
      const line = lineOf(entry);
      for (; next < others.length && (others[next]?.line ?? 0) < line; next++) yield others[next] as Verdict;
      const at = entry * idBytes;
      yield { line, activityId: this.#ids.toString('latin1', at, at + idBytes), verdict: 'accepted' };
    }
    yield* others.slice(next);
  }

  #grow(): void {
    if (this.#accepted < this.#lines.length) return;
    const lines = new Uint32Array(this.#lines.length * 2);
    lines.set(this.#lines);
    const ids = Buffer.alloc(lines.length * idBytes);
    this.#ids.copy(ids);
    [this.#lines, this.#ids] = [lines, ids];
  }
}
