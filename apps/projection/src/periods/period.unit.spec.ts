import { describe, expect, it } from '@jest/globals';
import { currentLike, currentPeriod, parsePeriod, type Period } from './period.ts';

// The keys, their days and the periods before one are the contracts' (libs/contracts/src/periods.unit.spec.ts).

const period = (key: string) => parsePeriod(key) as Period;

describe('now, in the projection’s periods', () => {
  it("takes now in Vietnam's calendar: 18:00 UTC on 31 December is already the new year", () => {
    const now = new Date('2025-12-31T18:00:00Z');
    expect(currentPeriod('year', now).key).toBe('2026');
    expect(currentPeriod('quarter', now).key).toBe('2026-Q1');
    expect(currentPeriod('day', now).key).toBe('2026-01-01');
  });

  it('takes a year to date through the current day, month or quarter', () => {
    const now = new Date('2025-12-31T18:00:00Z');
    expect([currentLike(period('2024-to-Q3'), now).key, currentLike(period('2024-07'), now).key]).toEqual([
      '2026-to-Q1',
      '2026-01',
    ]);
    expect(currentLike(period('2024-to-10-15'), now).key).toBe('2026-to-01-01');
  });
});
