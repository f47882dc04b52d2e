// The line each report id was first seen on, for a whole upload, kept outside the JavaScript heap:
// a Map of 100,000 id strings held ~10 MB of old space while a file was sorted out, plus the
// tables it outgrew, at the activity service's peak under P5 (docs/adr/0042, addendum). Here an
// id is its 16 bytes in an open-addressing table of typed arrays: 20 bytes a slot, at most half
// full. Ids are UUIDs in lower case (the report's shape says so); the table never sees another.
const wordsPerId = 4;
const dash = 0x2d;

/** One hexadecimal digit of a lower-case UUID (0-9, a-f). */
const nibble = (code: number): number => (code <= 0x39 ? code - 0x30 : code - 0x57);

export class FirstLineById {
  #ids: Uint32Array;
  /** The line of each slot; 0 marks an empty slot (lines are numbered from 1). */
  #lines: Uint32Array;
  #size = 0;
  readonly #scratch = new Uint32Array(wordsPerId);

  constructor(capacity = 1024) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.#ids = new Uint32Array(slots * wordsPerId);
    this.#lines = new Uint32Array(slots);
  }

  get size(): number {
    return this.#size;
  }

  /** The line `id` was first seen on; if it was not seen before, `line` becomes its first. */
  firstLineOf(id: string, line: number): number | undefined {
    if (line < 1) throw new RangeError(`Lines are numbered from 1, got ${line}.`);
    const key = this.#read(id);
    const slot = this.#find(key);
    const earlier = this.#lines[slot] ?? 0;
    if (earlier !== 0) return earlier;
    this.#ids.set(key, slot * wordsPerId);
    this.#lines[slot] = line;
    if (++this.#size * 2 > this.#lines.length) this.#grow();
    return undefined;
  }

  #read(id: string): Uint32Array {
    const key = this.#scratch;
    let word = 0;
    let digits = 0;
    for (let i = 0; i < id.length; i++) {
      const code = id.charCodeAt(i);
      if (code === dash) continue;
      word = (word << 4) | nibble(code);
      if (++digits % 8 === 0) {
        key[digits / 8 - 1] = word >>> 0;
        word = 0;
      }
    }
    return key;
  }

  /** The slot holding `key`, or the empty slot where it belongs (linear probing). */
  #find(key: Uint32Array): number {
    const [ids, lines] = [this.#ids, this.#lines];
    const mask = lines.length - 1;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      if (lines[slot] === 0 || sameId(ids, slot, key)) return slot;
    }
  }

  #grow(): void {
    const [ids, lines] = [this.#ids, this.#lines];
    this.#ids = new Uint32Array(ids.length * 2);
    this.#lines = new Uint32Array(lines.length * 2);
    for (let slot = 0; slot < lines.length; slot++) {
      if (lines[slot] === 0) continue;
      const key = ids.subarray(slot * wordsPerId, (slot + 1) * wordsPerId);
      const to = this.#find(key);
      this.#ids.set(key, to * wordsPerId);
      this.#lines[to] = lines[slot] ?? 0;
    }
  }
}

function sameId(ids: Uint32Array, slot: number, key: Uint32Array): boolean {
  const at = slot * wordsPerId;
  return ids[at] === key[0] && ids[at + 1] === key[1] && ids[at + 2] === key[2] && ids[at + 3] === key[3];
}

/** Mixes all 128 bits: a client may choose ids that differ only in their last digits. */
function hash(key: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < wordsPerId; i++) h = Math.imul(h ^ (key[i] ?? 0), 0x01000193) ^ (h >>> 15);
  return (Math.imul(h ^ (h >>> 13), 0x5bd1e995) ^ (h >>> 16)) >>> 0;
}
