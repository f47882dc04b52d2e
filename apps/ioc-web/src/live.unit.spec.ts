import { describe, expect, it } from '@jest/globals';
import type { Indicator, Summary } from './api/types.ts';
import { snapshotInPlace } from './live.ts';

const indicator = (id: string, numerator: number): Indicator => ({
  id,
  version: 1,
  name: { vi: id, en: id },
  unit: 'count',
  value: numerator,
  exact: String(numerator),
  numerator,
  denominator: null,
  target: null,
  attainment: null,
  rank: null,
  missing: null,
  trend: [{ period: '2026', value: numerator }],
});

const summary = (own: number, child: number, children = ['24175']): Summary => ({
  unit: { code: '66', name: 'Tỉnh Đắk Lắk', treeVersion: 'vn-2025' },
  period: '2026',
  knownAt: null,
  indicators: [indicator('a', own), indicator('b', 1)],
  children: children.map((code) => ({
    code,
    name: code,
    indicators: [indicator('a', child), indicator('b', 1)],
  })),
  coverage: { villages: 15, villagesWithTeam: 15 },
});

describe('a snapshot over the summary on screen', () => {
  it('copies in the figures that moved and names them, to be redrawn where they are', () => {
    const shown = summary(100, 10);
    const tile = shown.indicators[0];
    expect(snapshotInPlace(shown, summary(107, 12))).toEqual(['66|a', '24175|a']);
    expect(shown).toEqual(summary(107, 12));
    // The same objects, changed: what the page holds keeps pointing at them.
    expect(shown.indicators[0]).toBe(tile);
    expect(snapshotInPlace(shown, summary(107, 12))).toEqual([]);
  });

  it('takes coverage as figures: the line is drawn from the indicator counting villages with a team', () => {
    const fresh = { ...summary(1, 1), coverage: { villages: 15, villagesWithTeam: 14 } };
    expect(snapshotInPlace(summary(1, 1), fresh)).toEqual([]);
  });

  it('leaves it to be drawn anew when the units or anything but figures differ', () => {
    expect(snapshotInPlace(summary(1, 1), summary(1, 1, ['24175', '24178']))).toBeUndefined();
    expect(snapshotInPlace(summary(1, 1), { ...summary(1, 1), period: '2026-Q4' })).toBeUndefined();
    // What an indicator is (a new formula version, a new name) or an earlier point of its trend.
    const renamed = summary(1, 1);
    renamed.indicators[0] = { ...indicator('a', 1), version: 2 };
    expect(snapshotInPlace(summary(1, 1), renamed)).toBeUndefined();
    const longer = summary(1, 1);
    longer.indicators[0] = {
      ...indicator('a', 1),
      trend: [
        { period: '2025', value: 3 },
        { period: '2026', value: 1 },
      ],
    };
    expect(snapshotInPlace(summary(1, 1), longer)).toBeUndefined();
  });
});
