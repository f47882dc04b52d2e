// The verdicts of an upload, kept by line number: an accepted line as its report id's 36 bytes,
// any other verdict (rare) as the object a person reads. 100,000 accepted lines take 3.7 MB
// outside the JavaScript heap instead of ~15 MB of objects and strings in it (docs/adr/0039).
import type { Verdict } from './verdict.ts';

const idBytes = 36;
const none = 0;
const accepted = 1;
const other = 2;

export class VerdictLog {
  #kinds = new Uint8Array(1024);
  #ids = Buffer.alloc(1024 * idBytes);
  readonly #others = new Map<number, Verdict>();
  readonly #counts = { accepted: 0, duplicate: 0, rejected: 0 };

  add(verdict: Verdict): void {
    this.#grow(verdict.line);
    this.#counts[verdict.verdict]++;
    if (verdict.verdict === 'accepted' && verdict.activityId.length === idBytes) {
      this.#kinds[verdict.line] = accepted;
      this.#ids.write(verdict.activityId, verdict.line * idBytes, 'latin1');
    } else {
      this.#kinds[verdict.line] = other;
      this.#others.set(verdict.line, verdict);
    }
  }

  count(verdict: Verdict['verdict']): number {
    return this.#counts[verdict];
  }

  /** Every verdict in line order, each made as it is read. */
  *[Symbol.iterator](): Generator<Verdict> {
    for (let line = 1; line < this.#kinds.length; line++) {
      const kind = this.#kinds[line];
      if (kind === none) continue;
      if (kind === other) yield this.#others.get(line) as Verdict;
      else {
        const at = line * idBytes;
        yield { line, activityId: this.#ids.toString('latin1', at, at + idBytes), verdict: 'accepted' };
      }
    }
  }

  #grow(line: number): void {
    if (line < this.#kinds.length) return;
    const size = Math.max(line + 1, this.#kinds.length * 2);
    const kinds = new Uint8Array(size);
    kinds.set(this.#kinds);
    const ids = Buffer.alloc(size * idBytes);
    this.#ids.copy(ids);
    [this.#kinds, this.#ids] = [kinds, ids];
  }
}
