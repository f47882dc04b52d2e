import { describe, expect, it } from '@jest/globals';
import type { Indicator, Summary } from '../api/types.ts';
import { locate, locatorCaption, provinceCaption, provinceOf } from './locator-map.ts';

// Đắk Lắk's map as the build makes it: 2024 districts as regions, 2025 communes placed in them.
const map = {
  districts: {
    features: [
      { properties: { code: '643', name: 'Thành phố Buôn Ma Thuột' } },
      { properties: { code: '650', name: 'Huyện Krông Năng' } },
      { properties: { code: '644', name: 'Thị Xã Buôn Hồ' } },
      { properties: { code: '648', name: "Huyện Cư M'gar" } },
      { properties: { code: '645', name: "Huyện Ea H'leo" } },
    ],
  },
  outline: null,
  communeDistrict: { '24175': '643', '24343': '650', '24328': '644', '24999': '644' },
  communeParts: {
    // Xã Ea Drông took two former communes of Buôn Hồ and one of Cư M'gar.
    '24328': [
      { district: '644', communes: 2 },
      { district: '648', communes: 1 },
    ],
    // A made-up commune taking two from each of two districts and one from a third.
    '24999': [
      { district: '644', communes: 2 },
      { district: '645', communes: 2 },
      { district: '648', communes: 1 },
    ],
  },
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
    expect(cases.map((s) => locate(map, s))).toEqual([
      { regions: ['643'], partly: [] },
      { regions: ['643'], partly: [] },
      { regions: ['650'], partly: [] },
      { regions: ['650'], partly: [] },
    ]);
    expect(cases.map((s) => provinceOf(s)?.code)).toEqual(['66', '66', '66', '66']);
  });

  it('has nothing to locate for a province, or a commune the build placed in no district', () => {
    const provinceItself = summaryOf({ code: '66', treeVersion: 'vn-2025' }, []);
    expect(provinceOf(provinceItself)).toBeUndefined();
    expect(provinceOf(summaryOf({ code: '66', treeVersion: 'vn-2025' }))).toBeUndefined();
    expect(locate(map, summaryOf({ code: '99999', treeVersion: 'vn-2025' }, [province]))).toBeUndefined();
  });

  it('shows a commune made across districts in each of them, the one most of it came from filled', () => {
    const commune = summaryOf({ code: '24328', treeVersion: 'vn-2025' }, [province]);
    const located = locate(map, commune);
    expect(located).toEqual({ regions: ['644'], partly: ['648'] });
    const named = { ...commune, unit: { ...commune.unit, name: 'Xã Ea Drông' } };
    expect(locatorCaption(map, named, [vneid, province, located!])).toBe(
      'Xã Ea Drông (tô đậm) trên bản đồ Tỉnh Đắk Lắk · Tài khoản VNeID: 41,5% · phần lớn từ Thị Xã Buôn Hồ, ' +
        "một phần từ Huyện Cư M'gar (tô nhạt)",
    );
  });

  it('fills every district a commune took as many of its communes from, and says so', () => {
    const commune = summaryOf({ code: '24999', treeVersion: 'vn-2025' }, [province]);
    const located = locate(map, commune);
    expect(located).toEqual({ regions: ['644', '645'], partly: ['648'] });
    expect(locatorCaption(map, commune, [vneid, province, located!])).toContain(
      "từ Thị Xã Buôn Hồ và Huyện Ea H'leo, mỗi nơi số xã cũ như nhau, một phần từ Huyện Cư M'gar (tô nhạt)",
    );
  });

  it("names a village's commune as what came from those districts, not the village", () => {
    const village = summaryOf({ code: '24328-003', treeVersion: 'vn-2025' }, [
      province,
      { code: '24328', name: 'Xã Ea Drông' },
    ]);
    const located = locate(map, village);
    expect(located).toEqual({
      regions: ['644'],
      partly: ['648'],
      commune: { code: '24328', name: 'Xã Ea Drông' },
    });
    expect(locatorCaption(map, village, [vneid, province, located!])).toContain(
      "· Xã Ea Drông: phần lớn từ Thị Xã Buôn Hồ, một phần từ Huyện Cư M'gar (tô nhạt)",
    );
  });

  it('locates a 2024 commune in its own district, not where the 2025 commune bearing its code came from', () => {
    // 24328 names a 2024 commune of district 650 here, and the 2025 commune placed in 644.
    const commune2024 = summaryOf({ code: '24328', treeVersion: 'vn-2024' }, [
      province,
      { code: '650', name: 'Huyện Krông Năng' },
    ]);
    expect(locate(map, commune2024)).toEqual({ regions: ['650'], partly: [] });
  });

  it('fills no region the map lacks', () => {
    const partial = {
      ...map,
      communeParts: {
        '24328': [
          { district: '644', communes: 2 },
          { district: '999', communes: 1 },
        ],
      },
    };
    expect(locate(partial, summaryOf({ code: '24328', treeVersion: 'vn-2025' }, [province]))).toEqual({
      regions: ['644'],
      partly: [],
    });
  });
});

const vneid: Indicator = {
  id: 'vneid-accounts',
  version: 1,
  name: { vi: 'Tài khoản VNeID', en: 'VNeID accounts' },
  unit: 'percent',
  value: 41.5,
  exact: '41.5',
  numerator: 415,
  denominator: 1000,
  target: null,
  attainment: null,
  rank: null,
  missing: null,
};

describe('the map of a province', () => {
  const withChildren = (treeVersion: string, codes: string[]): Summary => ({
    ...summaryOf({ code: '66', treeVersion }),
    children: codes.map((code) => ({ code, name: code, indicators: [] })),
  });

  it('says its regions are the former districts when its children are the new communes', () => {
    expect(provinceCaption(map, withChildren('vn-2025', ['24175', '24343']))).toBe(
      'Vẽ theo ranh giới huyện trước ngày 01/07/2025 (chưa có ranh giới xã mới): mỗi vùng gộp các xã mới phần lớn từ huyện đó.',
    );
    expect(provinceCaption(map, withChildren('vn-2024', ['643', '650']))).toBe('');
  });
});
