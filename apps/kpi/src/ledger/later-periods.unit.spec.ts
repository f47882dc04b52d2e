import { describe, expect, it } from '@jest/globals';
import { laterPeriods } from './later-periods.ts';

describe('the published periods a change counting from a day on reaches', () => {
  it('keeps those ending on or after the day, whatever their kind', () => {
    const published = [
      '2026-06-11',
      '2026-06-12',
      '2026-06-13',
      '2026-05',
      '2026-06',
      '2026-Q2',
      '2026-Q1',
      '2026',
    ];
    expect(laterPeriods(published, '2026-06-12').sort()).toEqual([
      '2026',
      '2026-06',
      '2026-06-12',
      '2026-06-13',
      '2026-Q2',
    ]);
  });

  it('adds the first day, month and quarter of each later year with anything published', () => {
    expect(laterPeriods(['2027'], '2026-12-30').sort()).toEqual(['2027', '2027-01', '2027-01-01', '2027-Q1']);
  });

  it('reaches nothing when nothing published ends after the day', () => {
    expect(laterPeriods(['2026-06-11', '2026-05'], '2026-06-12')).toEqual([]);
  });
});
