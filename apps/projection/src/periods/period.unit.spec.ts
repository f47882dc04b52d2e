import { describe, expect, it } from '@jest/globals';
import { periodsOfDay } from '@nhip/contracts';
import {
  currentLike,
  currentPeriod,
  parsePeriod,
  periodsFollowed,
  yearForTargetOnly,
  type Period,
} from './period.ts';

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

describe('what a view of a period follows on the stream', () => {
  it('follows a stored period alone', () => {
    expect(['2025', '2025-Q3', '2025-07', '2025-07-01'].map((k) => periodsFollowed(period(k)))).toEqual([
      ['2025'],
      ['2025-Q3'],
      ['2025-07'],
      ['2025-07-01'],
    ]);
  });

  it('follows a year to date through its year, the quarters and months it has ended, and its last days', () => {
    expect(periodsFollowed(period('2025-to-05'))).toEqual([
      '2025',
      '2025-Q1',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
    ]);
    expect(periodsFollowed(period('2024-to-02-03'))).toEqual([
      '2024',
      '2024-01',
      '2024-02-01',
      '2024-02-02',
      '2024-02-03',
    ]);
    expect(periodsFollowed(period('2025-to-Q4'))).toHaveLength(1 + 4 + 12);
  });

  it('follows the year of a year to date for its target alone, unless it runs through the year', () => {
    expect(['2025-to-05', '2024-to-02-03', '2025-to-Q3'].map((k) => yearForTargetOnly(period(k)))).toEqual([
      '2025',
      '2024',
      '2025',
    ]);
    expect(
      ['2025-to-Q4', '2025-to-12', '2025-to-12-31', '2025', '2025-Q2'].map((k) =>
        yearForTargetOnly(period(k)),
      ),
    ).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('carries every day inside a year to date by a period of it, and a day after its end by its year alone', () => {
    for (const key of [
      '2024-to-01-01',
      '2024-to-02-29',
      '2024-to-06',
      '2024-to-Q3',
      '2024-to-11',
      '2024-to-12-30',
    ]) {
      const { lastDay } = period(key);
      const followed = new Set(periodsFollowed(period(key)));
      for (
        let d = new Date('2024-01-01T00:00:00Z');
        d.getUTCFullYear() === 2024;
        d.setUTCDate(d.getUTCDate() + 1)
      ) {
        const day = d.toISOString().slice(0, 10);
        const carried = periodsOfDay(day).filter((p) => followed.has(p));
        // Inside: its day or its month, and the year. After: the year only.
        const expected =
          day <= lastDay ? carried.length >= 2 && carried.includes('2024') : carried.join() === '2024';
        expect([key, day, expected]).toEqual([key, day, true]);
      }
    }
  });
});
