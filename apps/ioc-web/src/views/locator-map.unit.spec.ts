import { describe, expect, it } from '@jest/globals';
import type { Indicator, Summary } from '../api/types.ts';
import { locate, locatorCaption, provinceOf } from './locator-map.ts';

// Đắk Lắk's map as the build makes it: 2024 districts as regions, 2025 communes placed in them.
const map = {
  districts: {
    features: [
      { properties: { code: '643', name: 'Thành phố Buôn Ma Thuột' } },
      { properties: { code: '650', name: 'Huyện Krông Năng' } },
      { properties: { code: '644', name: "Huyện Ea H'leo" } },
      { properties: { code: '648', name: 'Huyện Krông Búk' } },
    ],
  },
  outline: null,
  communeDistrict: { '24175': '643', '24343': '650', '24328': '644' },
  // Xã Ea Drông took two former communes of Ea H'leo and one of Krông Búk.
  communeParts: { '24328': ['648'] },
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
    expect(cases.map((s) => locate(map, s))).toEqual(
      ['643', '643', '650', '650'].map((region) => ({ region, partly: [] })),
    );
    expect(cases.map((s) => provinceOf(s)?.code)).toEqual(['66', '66', '66', '66']);
  });

  it('has nothing to locate for a province, or a commune the build placed in no district', () => {
    const provinceItself = summaryOf({ code: '66', treeVersion: 'vn-2025' }, []);
    expect(provinceOf(provinceItself)).toBeUndefined();
    expect(provinceOf(summaryOf({ code: '66', treeVersion: 'vn-2025' }))).toBeUndefined();
    expect(locate(map, summaryOf({ code: '99999', treeVersion: 'vn-2025' }, [province]))).toBeUndefined();
  });

  it('shows a commune made across districts in each of them, the one most of it came from first', () => {
    const commune = summaryOf({ code: '24328', treeVersion: 'vn-2025' }, [province]);
    const village = summaryOf({ code: '24328-003', treeVersion: 'vn-2025' }, [
      province,
      { code: '24328', name: 'Xã Ea Drông' },
    ]);
    const located = { region: '644', partly: ['648'] };
    expect([locate(map, commune), locate(map, village)]).toEqual([located, located]);
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
    const caption = locatorCaption(map, { ...commune, unit: { ...commune.unit, name: 'Xã Ea Drông' } }, [
      vneid,
      province,
      located,
    ]);
    expect(caption).toContain("phần lớn từ Huyện Ea H'leo, một phần từ Huyện Krông Búk (tô nhạt)");
    expect(caption.startsWith('Xã Ea Drông (tô đậm) trên bản đồ Tỉnh Đắk Lắk')).toBe(true);
  });

  it('fills no region the map lacks', () => {
    const partial = { ...map, communeParts: { '24328': ['648', '999'] } };
    expect(locate(partial, summaryOf({ code: '24328', treeVersion: 'vn-2025' }, [province]))).toEqual({
      region: '644',
      partly: ['648'],
    });
  });
});
