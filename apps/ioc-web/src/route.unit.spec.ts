import { describe, expect, it } from '@jest/globals';
import { asOfOf, readRoute } from './route.ts';

describe('the tree in force for the period of the address', () => {
  const asOf = (period: string) => asOfOf(readRoute(`?period=${period}`));

  it('is the tree of the period’s last day, a year to date’s end included', () => {
    expect(['2024', '2025-Q3', '2024-02', '2025-07-01'].map(asOf)).toEqual([
      '2024-12-31',
      '2025-09-30',
      '2024-02-29',
      '2025-07-01',
    ]);
    expect(['2025-to-06', '2025-to-Q1', '2024-to-02', '2025-to-07-15'].map(asOf)).toEqual([
      '2025-06-30',
      '2025-03-31',
      '2024-02-29',
      '2025-07-15',
    ]);
  });

  it('is today’s at the latest, and the one the address names when it names one', () => {
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(asOf('2999-to-Q4')).toBe(today);
    expect(asOfOf(readRoute('?period=2026-to-06&asOf=2025-06-30'))).toBe('2025-06-30');
    // A period the forms refuse names no day to ask for: today's tree, and the views say what is wrong.
    expect(asOf('0999')).toBe(today);
  });
});
