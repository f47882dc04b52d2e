// Tokens already verified, by their whole text: a screen's requests carry the same token for its
// whole life, and checking its ES256 signature again each time took ~110 µs of CPU and a hop
// through libuv's pool; a remembered one, ~1 µs (ADR 0040). An entry is used only while jose
// would accept the token without looking again: before its `exp` (jose's own test: refused from
// the second `exp` names), and on the very key set it was verified with (the fetch time jose
// records in its jwksCache), while that set is fresh; so a key the issuer withdraws stops its
// tokens as soon as jose would notice. Refusals are never kept: a wrong token is checked, and
// refused, every time.
import type { Principal } from './claims.ts';

export interface KeySetStamp {
  /** When the key set in use was fetched (ms since the epoch); undefined before the first fetch. */
  readonly fetchedAt: number | undefined;
  /** Whether jose would use that set as it is (younger than its cacheMaxAge). */
  readonly fresh: boolean;
}

interface Entry {
  readonly principal: Principal;
  readonly until: number;
  readonly keysFetchedAt: number;
}

export class VerifiedTokens {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  /** The principal the token was verified as, if that verification still stands. */
  get(token: string, keys: KeySetStamp): Principal | undefined {
    const entry = this.#entries.get(token);
    if (entry === undefined) return undefined;
    if (this.now() < entry.until && keys.fresh && keys.fetchedAt === entry.keysFetchedAt)
      return entry.principal;
    this.#entries.delete(token);
    return undefined;
  }

  /** Remembers a token jose has just accepted; the oldest entry makes room when full. */
  remember(token: string, principal: Principal, keys: KeySetStamp): void {
    const exp = principal.expiresAt?.getTime();
    if (exp === undefined || keys.fetchedAt === undefined || this.capacity <= 0) return;
    if (this.#entries.size >= this.capacity && !this.#entries.has(token)) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    // Frozen: every request with this token gets the same object back.
    this.#entries.set(token, {
      principal: Object.freeze(principal),
      until: exp,
      keysFetchedAt: keys.fetchedAt,
    });
  }
}
