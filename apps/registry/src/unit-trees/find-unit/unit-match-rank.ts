// How well a unit's name answers a query, as a tier (lower is better), so the list reads the way
// people expect: the exact name first, then names that start with what was typed, then names whose
// words start with it, then initials ("bmt" for Buôn Ma Thuột), then anything containing it. A name
// the unit had before a merger ranks just after its current-name peers of the same tier.
import { initialsOf } from '../../schema/unit-search-name.ts';
import { baseName, type UnitQuery } from './unit-query.ts';

export interface NameHit {
  readonly code: string;
  readonly level: number;
  readonly name: string;
  /** The folded name that matched: the unit's own, or a predecessor's. */
  readonly matchedFolded: string;
  readonly via: 'name' | 'former-name';
}

const tiers = ['exact', 'prefix', 'word-prefix', 'initials', 'contains'] as const;
export type MatchTier = (typeof tiers)[number];

function wordsStartWith(nameWords: readonly string[], queryWords: readonly string[]): boolean {
  // Each typed word opens a word of the name, in order: "buon thuot" finds "buon ma thuot".
  let from = 0;
  for (const word of queryWords) {
    const at = nameWords.findIndex((candidate, i) => i >= from && candidate.startsWith(word));
    if (at < 0) return false;
    from = at + 1;
  }
  return true;
}

/** How the typed words meet a name without its type, or undefined when they do not. */
function tierOfWords(words: readonly string[], base: string): MatchTier | undefined {
  const typed = words.join(' ');
  if (base === typed) return 'exact';
  if (base.startsWith(typed)) return 'prefix';
  if (wordsStartWith(base.split(' '), words)) return 'word-prefix';
  if (words.length === 1 && typed.length >= 2 && initialsOf(base) === typed) return 'initials';
  return words.every((word) => base.includes(word)) ? 'contains' : undefined;
}

/** The tier a hit reaches, or undefined when it does not answer the query at all. */
export function matchTier(query: UnitQuery, folded: string): MatchTier | undefined {
  if (query.type && !folded.startsWith(`${query.type} `)) return undefined;
  // A bare type ("P.") lists units of that type; nothing typed at all finds nothing.
  if (query.words.length === 0) return query.type ? 'prefix' : undefined;
  return tierOfWords(query.words, baseName(folded));
}

export interface RankedHit<H extends NameHit> {
  readonly hit: H;
  readonly tier: MatchTier;
}

/** Best hit per unit, best first: tier, current name before former, higher level, name, code. */
export function rankHits<H extends NameHit>(query: UnitQuery, hits: readonly H[]): RankedHit<H>[] {
  const best = new Map<string, { hit: H; tier: MatchTier; score: number }>();
  for (const hit of hits) {
    const tier = matchTier(query, hit.matchedFolded);
    if (!tier) continue;
    const score = tiers.indexOf(tier) * 2 + (hit.via === 'former-name' ? 1 : 0);
    const seen = best.get(hit.code);
    if (!seen || score < seen.score) best.set(hit.code, { hit, tier, score });
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        a.score - b.score ||
        a.hit.level - b.hit.level ||
        a.hit.name.localeCompare(b.hit.name, 'vi') ||
        a.hit.code.localeCompare(b.hit.code),
    )
    .map(({ hit, tier }) => ({ hit, tier }));
}
