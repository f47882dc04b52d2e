import { describe, expect, it } from '@jest/globals';
import { inSlices } from './publish-changes.ts';

const units = (n: number, prefix = 'u') => Array.from({ length: n }, (_v, i) => `${prefix}${i}`);

describe('the touched periods, read in slices', () => {
  it('keeps a batch below the budget as one slice, in its order', () => {
    const periods = new Map([
      ['2026-06-12', units(30)],
      ['2026-06', units(30)],
      ['2026', units(31)],
    ]);
    expect(inSlices(periods, 100)).toEqual([periods]);
  });

  it('starts a new slice before the budget is passed, and gives a larger period one of its own', () => {
    const periods = new Map([
      ['a', units(60)],
      ['b', units(50)],
      ['c', units(250)],
      ['d', units(10)],
      ['e', units(30)],
    ]);
    const slices = inSlices(periods, 100);
    expect(slices.map((s) => [...s.keys()])).toEqual([['a'], ['b'], ['c'], ['d', 'e']]);
    // Every pair once.
    expect(slices.flatMap((s) => [...s.values()].flat()).length).toBe(400);
  });

  it('has no slice for no period', () => {
    expect(inSlices(new Map(), 100)).toEqual([]);
  });
});
