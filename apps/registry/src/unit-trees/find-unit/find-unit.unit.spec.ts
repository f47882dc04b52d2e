import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { foldName, initialsOf } from '../../schema/unit-search-name.ts';
import { parseUnitQuery } from './unit-query.ts';
import { matchTier, rankHits, type NameHit } from './unit-match-rank.ts';

const hit = (code: string, name: string, level: number, via: NameHit['via'] = 'name'): NameHit => ({
  code,
  name,
  level,
  matchedFolded: foldName(name),
  via,
});

describe('folding a name the way people type it', () => {
  it.each([
    ['Thành phố Buôn Ma Thuột', 'thanh pho buon ma thuot'],
    ['Xã Đắk Liêng', 'xa dak lieng'],
    ['Huyện Ea H’leo', 'huyen ea hleo'],
    ["Xã Ea H'Leo", 'xa ea hleo'],
    ['  Phường   Tân-Lập ', 'phuong tan lap'],
    ['Phường Tân Lập'.normalize('NFD'), 'phuong tan lap'],
  ])('%s → %s', (name, folded) => expect(foldName(name)).toBe(folded));

  it('takes the first letter of each word as initials', () => {
    expect(initialsOf('ho chi minh')).toBe('hcm');
  });
});

describe('reading a query', () => {
  it.each([
    ['P. Tân Lập', 'phuong', ['tan', 'lap']],
    ['TX. Buôn Hồ', 'thi xa', ['buon', 'ho']],
    ['H.Krông Pắc', 'huyen', ['krong', 'pac']],
    ['TP.HCM', 'thanh pho', ['hcm']],
    ['tp buon ma thuot', 'thanh pho', ['buon', 'ma', 'thuot']],
    ['Thị xã Buôn Hồ', 'thi xa', ['buon', 'ho']],
    ['Xã Hòa Phú', 'xa', ['hoa', 'phu']],
    ['xuan', undefined, ['xuan']],
    ['phu', undefined, ['phu']],
  ])('%s', (raw, type, words) => {
    expect(parseUnitQuery(raw)).toEqual(type ? { type, words } : { words });
  });

  it('yields only plain words, whatever is typed: they go into SQL patterns', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        const { type, words } = parseUnitQuery(raw);
        expect(words.every((word) => /^[a-z0-9]+$/.test(word))).toBe(true);
        expect(type === undefined || /^[a-z ]+$/.test(type)).toBe(true);
      }),
    );
  });
});

describe('ranking hits', () => {
  it('puts the exact name before names that start with it, then word prefixes, then contains', () => {
    const query = parseUnitQuery('tan lap');
    const ranked = rankHits(query, [
      hit('3', 'Xã Tân Lập Đông', 3),
      hit('1', 'Xã Hòa Tân Lập', 3),
      hit('2', 'Phường Tân Lập', 3),
      hit('4', 'Xã Tân Thành', 3),
    ]);
    expect(ranked.map((r) => [r.hit.code, r.tier])).toEqual([
      ['2', 'exact'],
      ['3', 'prefix'],
      ['1', 'word-prefix'],
    ]);
  });

  it('keeps only the unit type asked for', () => {
    const ranked = rankHits(parseUnitQuery('P. Tân Lập'), [
      hit('1', 'Xã Tân Lập', 3),
      hit('2', 'Phường Tân Lập', 3),
    ]);
    expect(ranked.map((r) => r.hit.code)).toEqual(['2']);
  });

  it('finds a name by its initials', () => {
    const ranked = rankHits(parseUnitQuery('bmt'), [hit('643', 'Thành phố Buôn Ma Thuột', 2)]);
    expect(ranked).toEqual([expect.objectContaining({ tier: 'initials' })]);
  });

  it('ranks a former name after a current name of the same tier, and keeps one hit per unit', () => {
    const query = parseUnitQuery('hoa thang');
    const ranked = rankHits(query, [
      hit('9', 'Phường Buôn Ma Thuột', 2, 'former-name'),
      { ...hit('9', 'Phường Buôn Ma Thuột', 2, 'former-name'), matchedFolded: 'xa hoa thang' },
      hit('5', 'Xã Hòa Thắng', 2),
    ]);
    expect(ranked.map((r) => [r.hit.code, r.hit.via])).toEqual([
      ['5', 'name'],
      ['9', 'former-name'],
    ]);
  });

  it('orders equal tiers by level, then by Vietnamese name order', () => {
    const ranked = rankHits(parseUnitQuery('an'), [
      hit('3', 'Xã An Bình', 3),
      hit('2', 'Xã An Ấp', 3),
      hit('1', 'Tỉnh An Giang', 1),
    ]);
    expect(ranked.map((r) => r.hit.code)).toEqual(['1', '2', '3']);
  });

  it('answers nothing to a query without words or type', () => {
    expect(matchTier(parseUnitQuery(' - '), 'xa tan lap')).toBeUndefined();
  });
});
