// A wall of screens opening the same scope at once (a reconnect after a blip, a shift change) gets
// one snapshot, serialised once: it is the same for every caller who may see the scope, as long as
// no change came in since (the change log's sequence) and for at most a second (names, coverage).
// A snapshot made with a refusal in it (the KPI service refused the first caller a view, which it
// judges per caller) is that caller's alone: it is served to them and never to the next.
const maxAgeMs = 1000;
const maxEntries = 500;

/** A snapshot as built, and whether it holds only what every caller of its scope may be shown. */
export interface BuiltSnapshot {
  readonly summary: unknown;
  readonly shareable: boolean;
}

interface Entry {
  readonly seq: number;
  readonly at: number;
  readonly built: Promise<BuiltSnapshot>;
  readonly text: Promise<string>;
}

export class SnapshotCache {
  readonly #entries = new Map<string, Entry>();

  text(key: string, seq: number, build: () => Promise<BuiltSnapshot>): Promise<string> {
    const hit = this.#entries.get(key);
    if (hit && hit.seq === seq && Date.now() - hit.at < maxAgeMs) {
      // A caller arriving while the first one's build is out waits for it, and builds their own if
      // it turns out not to be shareable.
      return hit.built.then(
        ({ shareable }) => (shareable ? hit.text : this.text(key, seq, build)),
        () => this.text(key, seq, build),
      );
    }
    const built = build();
    const text = built.then(({ summary }) => JSON.stringify(summary));
    const entry = { seq, at: Date.now(), built, text };
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    // Only this entry is forgotten: a newer one for the key may have replaced it meanwhile.
    const forget = () => this.#entries.get(key) === entry && this.#entries.delete(key);
    built.then(({ shareable }) => shareable || forget(), forget);
    // Map order is insertion order: the first key is the oldest.
    if (this.#entries.size > maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
    return text;
  }
}
