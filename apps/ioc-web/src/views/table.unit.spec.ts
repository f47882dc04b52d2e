import { describe, expect, it } from '@jest/globals';
import type { ChildUnit } from '../api/types.ts';
import { fractionText } from './indicator-text.ts';
import { laggardsFirst } from './table.ts';
import { colourRange, districtValues } from './map.ts';

const child = (
  code: string,
  name: string,
  value: number | null,
  [numerator, denominator]: [number | null, number] = [value, 100],
): ChildUnit => ({
  code,
  name,
  indicators: [
    {
      id: 'x',
      version: 1,
      name: { vi: 'x', en: 'x' },
      unit: 'percent',
      value,
      exact: null,
      numerator,
      denominator,
      target: null,
      attainment: null,
      rank: null,
      missing: null,
    },
  ],
});

describe('the children table and the map', () => {
  it('ranks laggards first: no value, then lowest, ties by Vietnamese name', () => {
    const order = laggardsFirst(
      [
        child('1', 'Xã Ea Kao', 80),
        child('2', 'Xã Hòa Phú', null),
        child('3', 'Phường Tân An', 20),
        child('4', 'Phường Ân Phú', 80),
      ],
      'x',
    );
    expect(order.map((c) => c.code)).toEqual(['2', '3', '4', '1']);
  });

  it('writes what a ratio is made of, the count kept where a village has no target to divide by', () => {
    expect(fractionText({ unit: 'percent', numerator: 212_108, denominator: 617_300 })).toBe(
      '212.108 / 617.300',
    );
    expect(fractionText({ unit: 'percent', numerator: 547, denominator: null })).toBe('547 / —');
    expect(fractionText({ unit: 'percent', numerator: null, denominator: 100 })).toBe('');
    expect(fractionText({ unit: 'count', numerator: 1_797, denominator: null })).toBe('');
  });

  it('lists villages without a value by their numbers: Thôn 2 before Thôn 10', () => {
    const villages = ['Thôn 10', 'Thôn 2', 'Thôn 1', 'Buôn Ea Kmar'].map((name, i) =>
      child(String(i), name, null),
    );
    expect(laggardsFirst(villages, 'x').map((c) => c.name)).toEqual([
      'Buôn Ea Kmar',
      'Thôn 1',
      'Thôn 2',
      'Thôn 10',
    ]);
  });

  it('colours a 2024 district by the 2025 communes placed in it: their numerators over their denominators', () => {
    const map = {
      districts: { features: [] },
      outline: null,
      communeDistrict: { '24175': '643', '24178': '643', '24343': '650' },
    };
    const values = districtValues(
      map,
      [
        child('24175', 'a', 50, [5, 10]),
        child('24178', 'b', 100, [15, 30]),
        child('24343', 'c', null, [null, 0]),
      ],
      child('', '', 0).indicators[0]!,
    );
    expect(values.get('643')).toBeCloseTo(50);
    expect(values.get('650')).toBeNull();
  });

  it('spreads the colour scale over the districts’ own range, not from zero', () => {
    expect(colourRange([24.0, 62.6, 41.5])).toEqual({ min: 24.0, max: 62.6 });
    expect(colourRange([30, 30])).toEqual({ min: 29, max: 31 });
    expect(colourRange([])).toEqual({ min: 0, max: 1 });
  });
});
