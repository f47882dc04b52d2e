// The maps the dashboard's build makes from ../shared/data/vn-admin (read from there, as the build
// does): where each 2025 commune is placed, on its 2025 province's map and on its former province's.
import { describe, expect, it } from '@jest/globals';
import { provinceMaps } from './geo.ts';

const maps = provinceMaps();
const placed = (key: string) => Object.keys(maps.get(key)?.communeDistrict ?? {});

describe('the province maps of both trees', () => {
  it("places a former province's 2025 communes on its 2024 map, as the new province's map has them", () => {
    // Đắk Lắk (66) of 2025 is the former Đắk Lắk and Phú Yên (54): 68 + 34 communes.
    expect([placed('vn-2024/66').length, placed('vn-2024/54').length, placed('vn-2025/66').length]).toEqual([
      68, 34, 102,
    ]);
    expect([...placed('vn-2024/66'), ...placed('vn-2024/54')].sort()).toEqual(placed('vn-2025/66').sort());
  });

  it('places every 2025 commune on one 2024 map at most, in the district most of it came from', () => {
    const on2024 = [...maps].filter(([key]) => key.startsWith('vn-2024/')).flatMap(([key]) => placed(key));
    const on2025 = [...maps].filter(([key]) => key.startsWith('vn-2025/')).flatMap(([key]) => placed(key));
    expect(new Set(on2024).size).toBe(on2024.length);
    // Quảng Ninh (22) has no outline in provinces-2024.geojson, so no 2024 map: its 54 communes are
    // on its 2025 map only.
    const only2025 = on2025.filter((commune) => !on2024.includes(commune));
    expect([maps.has('vn-2024/22'), only2025.length, on2024.length + only2025.length]).toEqual([
      false,
      54,
      on2025.length,
    ]);
    expect(only2025.every((commune) => placed('vn-2025/22').includes(commune))).toBe(true);
    // Phường Phú Yên took three former communes of Tuy Hòa (555), two of Tây Hòa (564), one of Đông Hòa (562).
    const phuYen = maps.get('vn-2024/54');
    expect(phuYen?.communeDistrict['22240']).toBe('555');
    expect(phuYen?.communeParts['22240']).toEqual([
      { district: '555', communes: 3 },
      { district: '564', communes: 2 },
      { district: '562', communes: 1 },
    ]);
  });

  it('keeps the districts of the communes made across districts, 321 of them, 51 with a tie for the most', () => {
    const parts = [...maps]
      .filter(([key]) => key.startsWith('vn-2025/'))
      .flatMap(([, map]) => Object.values(map.communeParts));
    expect(parts.length).toBe(321);
    expect(parts.filter((shares) => shares[0]?.communes === shares[1]?.communes).length).toBe(51);
    // Most first, ties by code, so every build agrees and the main district is the first.
    for (const shares of parts)
      expect(shares).toEqual(
        [...shares].sort((a, b) => b.communes - a.communes || a.district.localeCompare(b.district)),
      );
  });
});
