import { describe, expect, it } from '@jest/globals';
import { periodChoices } from './period-choices.ts';

describe('the periods offered under the period box', () => {
  it('in December: the year, the year to date at last month’s end and at each closed quarter’s', () => {
    expect(periodChoices('2026-12-06')).toEqual([
      '2026',
      '2026-to-11',
      '2026-to-Q3',
      '2026-to-Q2',
      '2026-to-Q1',
      '2026-Q4',
      '2026-Q3',
      '2026-12',
      '2026-11',
      '2025',
    ]);
  });

  it('offers a quarter’s end once, and nothing to date of a year not begun', () => {
    expect(periodChoices('2026-10-02')).toEqual([
      '2026',
      '2026-to-Q3',
      '2026-to-Q2',
      '2026-to-Q1',
      '2026-Q4',
      '2026-Q3',
      '2026-10',
      '2026-09',
      '2025',
    ]);
    expect(periodChoices('2027-01-15')).toEqual(['2027', '2027-Q1', '2026-Q4', '2027-01', '2026-12', '2026']);
  });
});
