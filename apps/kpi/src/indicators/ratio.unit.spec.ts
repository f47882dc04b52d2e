import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ratio } from './ratio.ts';

describe('indicator ratios', () => {
  it('computes Thanh Khê Đông’s VNeID attainment as 134.54 %, not the published 134.47 %', () => {
    expect(ratio(13_387, 9_950)).toEqual({ value: 134.54, exact: '134.54' });
  });

  it('rounds half up, and keeps trailing zeros in the written value', () => {
    expect(ratio(1, 8)?.exact).toBe('12.50');
    expect(ratio(1, 3)?.exact).toBe('33.33');
    expect(ratio(2, 3)?.exact).toBe('66.67');
    expect(ratio(15, 15)?.exact).toBe('100.00');
    expect(ratio(77, 15, 1, 1)).toEqual({ value: 5.1, exact: '5.1' });
    expect(ratio(7, 2, 1, 0)).toEqual({ value: 4, exact: '4' });
  });

  it('has no value without a denominator', () => {
    expect(ratio(13_387, 0)).toBeUndefined();
  });

  it('refuses fractions it cannot compute exactly', () => {
    expect(() => ratio(0.1, 3)).toThrow(RangeError);
  });

  it('agrees with decimal arithmetic to within half a unit of the last digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (n, d) => {
        const computed = ratio(n, d);
        expect(Math.abs((computed?.value ?? NaN) - (n * 100) / d)).toBeLessThanOrEqual(
          0.005 + 1e-9 * Math.abs(n),
        );
      }),
    );
  });
});
