import { describe, expect, it } from '@jest/globals';
import type { Summary } from '../api/types.ts';
import { locatorRegion, provinceOf } from './locator-map.ts';

// Đắk Lắk's map as the build makes it: 2024 districts as regions, 2025 communes placed in them.
const map = {
  districts: {
    features: [
      { properties: { code: '643', name: 'Thành phố Buôn Ma Thuột' } },
      { properties: { code: '650', name: 'Huyện Krông Năng' } },
    ],
  },
  outline: null,
  communeDistrict: { '24175': '643', '24343': '650' },
};

const province = { code: '66', name: 'Tỉnh Đắk Lắk' };
const summaryOf = (
  unit: { code: string; treeVersion: string },
  ancestors?: { code: string; name: string }[],
): Summary => ({
  unit: { ...unit, name: unit.code },
  ...(ancestors ? { ancestors } : {}),
  period: '2026',
  knownAt: null,
  indicators: [],
  children: [],
});

describe('the map of a unit below the province', () => {
  it('locates a unit in the 2024 district it is, lies in, or mostly came from', () => {
    const cases = [
      summaryOf({ code: '643', treeVersion: 'vn-2024' }, [province]),
      summaryOf({ code: '24172', treeVersion: 'vn-2024' }, [
        province,
        { code: '643', name: 'Buôn Ma Thuột' },
      ]),
      summaryOf({ code: '24343', treeVersion: 'vn-2025' }, [province]),
      summaryOf({ code: '2434301', treeVersion: 'vn-2025' }, [
        province,
        { code: '24343', name: 'Krông Năng' },
      ]),
    ];
    expect(cases.map((s) => locatorRegion(map, s))).toEqual(['643', '643', '650', '650']);
    expect(cases.map((s) => provinceOf(s)?.code)).toEqual(['66', '66', '66', '66']);
  });

  it('has nothing to locate for a province, or a commune the build placed in no district', () => {
    const provinceItself = summaryOf({ code: '66', treeVersion: 'vn-2025' }, []);
    expect(provinceOf(provinceItself)).toBeUndefined();
    expect(provinceOf(summaryOf({ code: '66', treeVersion: 'vn-2025' }))).toBeUndefined();
    expect(
      locatorRegion(map, summaryOf({ code: '99999', treeVersion: 'vn-2025' }, [province])),
    ).toBeUndefined();
  });
});
