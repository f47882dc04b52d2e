import { describe, expect, it } from '@jest/globals';
import { totalLag } from './total-lag.ts';

describe('total lag', () => {
  it('adds every partition of every topic', () => {
    expect(
      totalLag(
        new Map([
          ['a', [1n, 2n]],
          ['b', [0n, 5n, 1n]],
        ]),
      ),
    ).toBe(9n);
  });

  it('is zero for a group with nothing assigned', () => {
    expect(totalLag(new Map())).toBe(0n);
  });
});
