import { describe, expect, it } from '@jest/globals';
import { activityKinds } from '@nhip/contracts';
import { indicatorCatalog } from './catalog.ts';

describe('the indicator catalog', () => {
  it('names each indicator once per version', () => {
    const keys = indicatorCatalog.map((i) => `${i.id}@${i.version}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every ratio a denominator and no count one', () => {
    for (const indicator of indicatorCatalog) {
      expect([indicator.id, indicator.unit === 'count']).toEqual([
        indicator.id,
        indicator.denominator === undefined,
      ]);
    }
  });

  it('counts residents helped for every kind of activity', () => {
    const counted = indicatorCatalog.filter((i) => i.id.startsWith('residents_helped.')).map((i) => i.id);
    expect(counted).toEqual(Object.keys(activityKinds).map((kind) => `residents_helped.${kind}`));
  });

  it('has Vietnamese names with their diacritics and English names', () => {
    const vneid = indicatorCatalog.find((i) => i.id === 'vneid_vs_target');
    expect(vneid?.name.vi).toBe('Tài khoản định danh điện tử (VNeID) so với chỉ tiêu được giao');
    for (const { name } of indicatorCatalog) {
      expect(name.vi.normalize('NFC')).toBe(name.vi);
      expect(name.en).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
