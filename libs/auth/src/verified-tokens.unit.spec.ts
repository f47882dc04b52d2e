import { describe, expect, it } from '@jest/globals';
import type { Principal } from './claims.ts';
import { VerifiedTokens, type KeySetStamp } from './verified-tokens.ts';

const exp = 1_900_000_000; // seconds, as in a token
const principal: Principal = {
  subject: 'officer-7',
  role: 'commune-officer',
  unit: '24175',
  expiresAt: new Date(exp * 1000),
};
const keys: KeySetStamp = { fetchedAt: 1_000, fresh: true };
const token = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJvZmZpY2VyLTcifQ.c2lnbmF0dXJl';

function tokensAt(clock: { now: number }, capacity = 10): VerifiedTokens {
  return new VerifiedTokens(capacity, () => clock.now);
}

describe('VerifiedTokens', () => {
  it('gives back the principal of a remembered token until its exp, and not from that second on', () => {
    const clock = { now: exp * 1000 - 1 };
    const tokens = tokensAt(clock);
    tokens.remember(token, principal, keys);
    expect(tokens.get(token, keys)).toBe(principal);
    // jose refuses a token once the clock's whole second reaches exp; so does the cache.
    clock.now = exp * 1000;
    expect(tokens.get(token, keys)).toBeUndefined();
    clock.now = exp * 1000 - 1;
    expect(tokens.get(token, keys)).toBeUndefined(); // forgotten, not merely skipped
    expect(tokens.size).toBe(0);
  });

  it('does not take a token with one changed byte for the remembered one', () => {
    const tokens = tokensAt({ now: 0 });
    tokens.remember(token, principal, keys);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(tokens.get(`${token.slice(0, -1)}${last}`, keys)).toBeUndefined();
    expect(tokens.get(`${token.slice(0, 10)}X${token.slice(11)}`, keys)).toBeUndefined();
    expect(tokens.get(token, keys)).toBe(principal);
  });

  it('holds an entry only on the key set it was verified with, while jose would use that set', () => {
    const tokens = tokensAt({ now: 0 });
    tokens.remember(token, principal, keys);
    expect(tokens.get(token, { fetchedAt: keys.fetchedAt, fresh: false })).toBeUndefined();
    tokens.remember(token, principal, keys);
    expect(tokens.get(token, { fetchedAt: 2_000, fresh: true })).toBeUndefined();
    expect(tokens.get(token, keys)).toBeUndefined();
  });

  it('remembers nothing without an exp, before the keys are fetched, or with no room', () => {
    const tokens = tokensAt({ now: 0 });
    tokens.remember(token, { ...principal, expiresAt: undefined }, keys);
    tokens.remember(token, principal, { fetchedAt: undefined, fresh: false });
    expect(tokens.size).toBe(0);
    const none = tokensAt({ now: 0 }, 0);
    none.remember(token, principal, keys);
    expect(none.get(token, keys)).toBeUndefined();
  });

  it('stays within its capacity, the oldest entry making room', () => {
    const tokens = tokensAt({ now: 0 }, 2);
    const others = ['a.b.1', 'a.b.2', 'a.b.3'];
    for (const t of others) tokens.remember(t, principal, keys);
    expect(tokens.size).toBe(2);
    expect(tokens.get('a.b.1', keys)).toBeUndefined();
    expect(tokens.get('a.b.2', keys)).toBe(principal);
    expect(tokens.get('a.b.3', keys)).toBe(principal);
    tokens.remember('a.b.3', principal, keys); // already there: nothing is pushed out
    expect(tokens.get('a.b.2', keys)).toBe(principal);
  });
});
