import { describe, expect, it } from '@jest/globals';
import { principalOf } from './claims.ts';

describe('principalOf', () => {
  it('names the caller of a well-formed payload; an admin works on the whole country', () => {
    expect(principalOf({ sub: 'a', role: 'district-oc', unit: '643' })).toEqual({
      ok: true,
      principal: { subject: 'a', role: 'district-oc', unit: '643' },
    });
    expect(principalOf({ sub: 'b', role: 'admin', unit: '66' })).toEqual({
      ok: true,
      principal: { subject: 'b', role: 'admin', unit: undefined },
    });
  });

  it('carries the tree a unit of a former tree is named in; an admin has no unit to qualify', () => {
    expect(principalOf({ sub: 'a', role: 'district-oc', unit: '15', unit_tree: 'vn-2024' })).toEqual({
      ok: true,
      principal: { subject: 'a', role: 'district-oc', unit: '15', unitTree: 'vn-2024' },
    });
    for (const empty of [null, ''])
      expect(principalOf({ sub: 'a', role: 'district-oc', unit: '15', unit_tree: empty })).toEqual({
        ok: true,
        principal: { subject: 'a', role: 'district-oc', unit: '15' },
      });
    expect(principalOf({ sub: 'b', role: 'admin', unit_tree: 'vn-2024' })).toEqual({
      ok: true,
      principal: { subject: 'b', role: 'admin', unit: undefined },
    });
  });

  it("carries the token's expiry, so a stream need not decode the token again", () => {
    const found = principalOf({ sub: 'a', role: 'ioc-operator', unit: '66', exp: 1_900_000_000 });
    expect(found.ok && found.principal.expiresAt?.toISOString()).toBe('2030-03-17T17:46:40.000Z');
    expect(principalOf({ sub: 'a', role: 'admin' })).toMatchObject({ principal: { expiresAt: undefined } });
  });

  it.each([
    [{ role: 'admin' }, /subject/],
    [{ sub: '', role: 'admin' }, /subject/],
    [{ sub: 'a', role: 'root' }, /role must be one of/],
    [{ sub: 'a', role: 'partner' }, /names the unit/],
    [{ sub: 'a', role: 'commune-officer', unit: '24175; DROP' }, /names the unit/],
    [{ sub: 'a', role: 'ioc-operator', unit: 66 }, /names the unit/],
    [{ sub: 'a', role: 'ioc-operator', unit: '15', unit_tree: 'VN 2024' }, /unit_tree must name/],
    [{ sub: 'a', role: 'ioc-operator', unit: '15', unit_tree: 2024 }, /unit_tree must name/],
  ])('refuses %j', (payload, reason) => {
    const found = principalOf(payload);
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.reason).toMatch(reason);
  });
});
