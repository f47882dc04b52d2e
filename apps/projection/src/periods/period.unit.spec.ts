import { describe, expect, it } from '@jest/globals';
import { currentLike, currentPeriod, lastPeriods, parsePeriod, type Period } from './period.ts';

const period = (key: string) => parsePeriod(key) as Period;

describe('periods of the projection', () => {
  it('knows each kind and its last day, and refuses what names no period', () => {
    expect(parsePeriod('2024-02')).toEqual({ kind: 'month', key: '2024-02', lastDay: '2024-02-29' });
    expect(parsePeriod('2025-Q3')?.lastDay).toBe('2025-09-30');
    expect(parsePeriod('2025')?.lastDay).toBe('2025-12-31');
    expect(parsePeriod('2025-07-01')?.kind).toBe('day');
    for (const bad of ['2025-02-30', '2025-Q5', '25', '2025-13']) expect(parsePeriod(bad)).toBeUndefined();
  });

  it('lists the six periods of a trend across year ends, oldest first', () => {
    expect(lastPeriods(period('2025-02'), 6)).toEqual([
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(lastPeriods(period('2025-Q2'), 3)).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
    expect(lastPeriods(period('2025-03-02'), 3)).toEqual(['2025-02-28', '2025-03-01', '2025-03-02']);
    expect(lastPeriods(period('2025'), 2)).toEqual(['2024', '2025']);
  });

  it("takes now in Vietnam's calendar: 18:00 UTC on 31 December is already the new year", () => {
    const now = new Date('2025-12-31T18:00:00Z');
    expect(currentPeriod('year', now).key).toBe('2026');
    expect(currentPeriod('quarter', now).key).toBe('2026-Q1');
    expect(currentPeriod('day', now).key).toBe('2026-01-01');
  });

  it('reads a year to date as the KPI service does: its last day, a trend of its earlier ends', () => {
    expect(parsePeriod('2025-to-06')).toEqual({ kind: 'to-date', key: '2025-to-06', lastDay: '2025-06-30' });
    expect(parsePeriod('2024-to-Q1')?.lastDay).toBe('2024-03-31');
    expect(parsePeriod('2025-to-10-15')?.lastDay).toBe('2025-10-15');
    for (const bad of ['2025-to-13', '2025-to-2025', '2025-to-Q0', '2025-to-02-30'])
      expect(parsePeriod(bad)).toBeUndefined();
    expect(lastPeriods(period('2025-to-02'), 4)).toEqual([
      '2024-to-11',
      '2024-to-12',
      '2025-to-01',
      '2025-to-02',
    ]);
    expect(lastPeriods(period('2025-to-Q2'), 2)).toEqual(['2025-to-Q1', '2025-to-Q2']);
    const now = new Date('2025-12-31T18:00:00Z');
    expect([currentLike(period('2024-to-Q3'), now).key, currentLike(period('2024-07'), now).key]).toEqual([
      '2026-to-Q1',
      '2026-01',
    ]);
  });
});
