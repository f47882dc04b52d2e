import { describe, expect, it } from '@jest/globals';
import { median, percentile } from './stats.ts';

describe('percentiles by nearest rank', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it('finds p50, p99 and p100', () => {
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
  });

  it('takes the middle of an odd count as the median', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('is NaN without samples rather than a made-up zero', () => {
    expect(percentile([], 99)).toBeNaN();
  });
});
