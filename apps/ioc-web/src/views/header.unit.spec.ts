import { describe, expect, it } from '@jest/globals';
import type { Summary } from '../api/types.ts';
import { trailOf } from './header.ts';

const province = { code: '66', name: 'Tỉnh Đắk Lắk' };
const district = { code: '643', name: 'Thành phố Buôn Ma Thuột' };
const summaryOf = (
  unit: { code: string; name: string },
  ancestors?: { code: string; name: string }[],
): Summary => ({
  unit: { ...unit, treeVersion: 'vn-2024' },
  ...(ancestors ? { ancestors } : {}),
  period: '2024',
  knownAt: null,
  indicators: [],
  children: [],
});

describe('the breadcrumbs', () => {
  const commune = { code: '24172', name: 'Xã Hòa Phú' };

  it('run from the caller’s own unit down, from the units the summary names above', () => {
    const summary = summaryOf(commune, [province, district]);
    expect(trailOf(summary, '643', [])).toEqual([district, commune]);
    expect(trailOf(summary, '66', [])).toEqual([province, district, commune]);
    expect(trailOf(summary, undefined, [])).toEqual([province, district, commune]);
  });

  it('follow the trail walked when the caller’s unit is not above (a former district’s successor commune)', () => {
    const successor = { code: '24175', name: 'Xã Hòa Phú' };
    const summary = summaryOf(successor, [province]);
    expect(trailOf(summary, '643', [district])).toEqual([district, successor]);
    expect(trailOf(summary, '643', [])).toEqual([successor]);
  });
});
