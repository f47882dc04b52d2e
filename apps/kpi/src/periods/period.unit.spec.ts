import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parsePeriod, periodOfKind, periodsOfDay, periodsOfInstant, periodsBetween } from './period.ts';

describe('periods of Vietnam’s calendar', () => {
  it('counts an instant on its Vietnamese day: 17:30 UTC on 31 March is 1 April in Hà Nội', () => {
    expect(periodsOfInstant('2025-03-31T17:30:00Z')).toEqual(['2025-04-01', '2025-04', '2025-Q2', '2025']);
    expect(periodsOfInstant('2025-03-31T16:59:59Z')).toEqual(['2025-03-31', '2025-03', '2025-Q1', '2025']);
  });

  it('puts the last night of the year in the next year', () => {
    expect(periodsOfInstant('2024-12-31T18:00:00+00:00')).toEqual([
      '2025-01-01',
      '2025-01',
      '2025-Q1',
      '2025',
    ]);
  });

  it.each([
    ['2025-02', '2025-02-01', '2025-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025-Q3', '2025-07-01', '2025-09-30'],
    ['2025-Q4', '2025-10-01', '2025-12-31'],
    ['2025', '2025-01-01', '2025-12-31'],
    ['2025-07-01', '2025-07-01', '2025-07-01'],
  ])('knows the days of %s', (key, firstDay, lastDay) => {
    expect(parsePeriod(key)).toMatchObject({ key, firstDay, lastDay });
  });

  it.each(['2025-02-30', '2025-13', '2025-Q5', '25', '2025-1', 'tháng 3'])(
    'names no period with %s',
    (key) => {
      expect(parsePeriod(key)).toBeUndefined();
    },
  );

  it('gives every day one period of each kind, and each holds the day', () => {
    const days = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(days, (day) => {
        const keys = periodsOfDay(day);
        expect(keys.map((key) => parsePeriod(key)?.kind)).toEqual(['day', 'month', 'quarter', 'year']);
        for (const key of keys) {
          const period = parsePeriod(key);
          expect(period && period.firstDay <= day && day <= period.lastDay).toBe(true);
        }
        expect(periodOfKind('quarter', day)).toBe(keys[2]);
      }),
    );
  });
});

describe('periods between two of a kind', () => {
  const between = (from: string, to: string) => {
    const [a, b] = [parsePeriod(from), parsePeriod(to)];
    if (!a || !b) throw new Error('bad period');
    return periodsBetween(a, b);
  };
  it('lists months, quarters, years and days in order, both ends included', () => {
    expect(between('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(between('2024-Q4', '2025-Q2')).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
    expect(between('2024', '2025')).toEqual(['2024', '2025']);
    expect(between('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(between('2025', '2024')).toEqual([]);
  });
});
