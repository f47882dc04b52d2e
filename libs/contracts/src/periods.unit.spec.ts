import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { vietnamDay } from './calendar.ts';
import { calendarDayPattern } from './patterns.ts';
import {
  lastPeriods,
  parsePeriod,
  periodBefore,
  periodHolding,
  periodOfKind,
  periodPattern,
  periodsOfDay,
  storedPeriodPattern,
  throughOf,
  toDateThrough,
  type Period,
} from './periods.ts';

const period = (key: string) => parsePeriod(key) as Period;
const days = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('periods of Vietnam’s calendar', () => {
  it('counts an instant on its Vietnamese day: 17:30 UTC on 31 March is 1 April in Hà Nội', () => {
    expect(periodsOfDay(vietnamDay('2025-03-31T17:30:00Z'))).toEqual([
      '2025-04-01',
      '2025-04',
      '2025-Q2',
      '2025',
    ]);
    expect(periodsOfDay(vietnamDay('2025-03-31T16:59:59Z'))).toEqual([
      '2025-03-31',
      '2025-03',
      '2025-Q1',
      '2025',
    ]);
    expect(periodsOfDay(vietnamDay('2024-12-31T18:00:00+00:00'))).toEqual([
      '2025-01-01',
      '2025-01',
      '2025-Q1',
      '2025',
    ]);
  });

  it.each([
    ['2025-02', 'month', '2025-02-01', '2025-02-28'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2025-Q3', 'quarter', '2025-07-01', '2025-09-30'],
    ['2025-Q4', 'quarter', '2025-10-01', '2025-12-31'],
    ['2025', 'year', '2025-01-01', '2025-12-31'],
    ['2025-07-01', 'day', '2025-07-01', '2025-07-01'],
    ['2025-to-06', 'to-date', '2025-01-01', '2025-06-30'],
    ['2024-to-Q1', 'to-date', '2024-01-01', '2024-03-31'],
    ['2025-to-10-15', 'to-date', '2025-01-01', '2025-10-15'],
  ])('knows the days of %s (%s)', (key, kind, firstDay, lastDay) => {
    expect(parsePeriod(key)).toEqual({ kind, key, firstDay, lastDay });
  });

  it.each([
    '2025-02-30',
    '2025-13',
    '2025-Q5',
    '25',
    '2025-1',
    'tháng 3',
    '2025-to-13',
    '2025-to-Q0',
    '2025-to-02-30',
    '2025-to-2025',
    '2025-to-',
    '2025-to-6',
  ])('names no period with %s', (key) => {
    expect(parsePeriod(key)).toBeUndefined();
  });

  it('gives every day one period of each kind, each holding the day, each a key the patterns take', () => {
    fc.assert(
      fc.property(days, (day) => {
        const keys = periodsOfDay(day);
        expect(keys.map((key) => parsePeriod(key)?.kind)).toEqual(['day', 'month', 'quarter', 'year']);
        for (const key of keys) {
          const p = period(key);
          expect(p.firstDay <= day && day <= p.lastDay).toBe(true);
          expect([storedPeriodPattern.test(key), periodPattern.test(key)]).toEqual([true, true]);
        }
        expect(periodOfKind('quarter', day)).toBe(keys[2]);
        expect(periodHolding('quarter', day)).toEqual(parsePeriod(keys[2] ?? ''));
      }),
    );
  });

  it('reads a year to date through each day, month and quarter, which only the wider pattern takes', () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 2 }), (day, grain) => {
        const end = [day, day.slice(0, 7), periodsOfDay(day)[2] ?? ''][grain] ?? '';
        const toDate = period(toDateThrough(end));
        expect(toDate).toMatchObject({ kind: 'to-date', firstDay: `${day.slice(0, 4)}-01-01` });
        expect(throughOf(toDate)).toEqual(period(end));
        expect([storedPeriodPattern.test(toDate.key), periodPattern.test(toDate.key)]).toEqual([false, true]);
      }),
    );
  });
});

describe('the periods before one', () => {
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

  it('steps a year to date by its end', () => {
    expect(lastPeriods(period('2025-to-02'), 4)).toEqual([
      '2024-to-11',
      '2024-to-12',
      '2025-to-01',
      '2025-to-02',
    ]);
    expect(lastPeriods(period('2025-to-Q2'), 2)).toEqual(['2025-to-Q1', '2025-to-Q2']);
    expect(periodBefore(period('2024-to-03-01'), 1)).toBe('2024-to-02-29');
  });

  it('keeps every year four digits wide, and reads the years 0–99 as written', () => {
    expect(lastPeriods(period('1000-02'), 3)).toEqual(['0999-12', '1000-01', '1000-02']);
    expect(lastPeriods(period('1000-Q1'), 2)).toEqual(['0999-Q4', '1000-Q1']);
    expect(lastPeriods(period('1000'), 2)).toEqual(['0999', '1000']);
    expect(periodBefore(period('1000-01-01'), 1)).toBe('0999-12-31');
    expect(period('0999')).toMatchObject({ firstDay: '0999-01-01', lastDay: '0999-12-31' });
    // Date.UTC reads the years 0–99 as 1900–1999.
    expect(lastPeriods(period('0099-03'), 2)).toEqual(['0099-02', '0099-03']);
    expect(period('0000-02')).toMatchObject({ lastDay: '0000-02-29' }); // 1900 had no 29 February
    expect(periodBefore(period('0099-03-01'), 1)).toBe('0099-02-28');
  });

  it('is asked only for years from 1000: an earlier one is a slip of the keyboard', () => {
    for (const key of ['0999', '0025-06', '0100-Q1', '0999-12-31', '0999-to-06'])
      expect([storedPeriodPattern.test(key), periodPattern.test(key)]).toEqual([false, false]);
    for (const key of ['1000', '9999-Q4', '2026-to-11']) expect(periodPattern.test(key)).toBe(true);
    // A statistic's date becomes the periods it is counted in: the same years.
    expect(['0999-06-30', '1000-01-01'].map((day) => calendarDayPattern.test(day))).toEqual([false, true]);
  });
});
