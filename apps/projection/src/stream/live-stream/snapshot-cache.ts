// A wall of screens opening the same scope at once (a reconnect after a blip, a shift change) gets
// one snapshot, serialised once: it is the same for every caller who may see the scope, as long as
// no change came in since (the change log's sequence) and for at most a second (names, coverage).
const maxAgeMs = 1000;
const maxEntries = 500;

interface Entry {
  readonly seq: number;
  readonly at: number;
  readonly text: Promise<string>;
}

export class SnapshotCache {
  readonly #entries = new Map<string, Entry>();

  text(key: string, seq: number, build: () => Promise<unknown>): Promise<string> {
    const hit = this.#entries.get(key);
    if (hit && hit.seq === seq && Date.now() - hit.at < maxAgeMs) return hit.text;
    const text = build().then((summary) => JSON.stringify(summary));
    this.#entries.delete(key);
    this.#entries.set(key, { seq, at: Date.now(), text });
    text.catch(() => this.#entries.delete(key));
    // Map order is insertion order: the first key is the oldest.
    if (this.#entries.size > maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
    return text;
  }
}
