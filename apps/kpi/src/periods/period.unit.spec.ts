import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  flowCellsOf,
  grainOf,
  parsePeriod,
  periodsOfDay,
  periodsBetween,
  targetPeriodOf,
  type Period,
} from './period.ts';

// The keys themselves (kinds, days, the patterns, the periods before one) are the contracts':
// libs/contracts/src/periods.unit.spec.ts. Here, what the KPI service computes over them.

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

  it('stops at its limit, counting back from the end: a century of days asked is not walked', () => {
    const keys = periodsBetween(
      parsePeriod('2000-01-01') as Period,
      parsePeriod('2099-12-31') as Period,
      401,
    );
    expect([keys.length, keys[0], keys.at(-1)]).toEqual([401, '2098-11-26', '2099-12-31']);
  });

  it('steps a year to date by its end, starting again at each year', () => {
    expect(between('2024-to-11', '2025-to-02')).toEqual([
      '2024-to-11',
      '2024-to-12',
      '2025-to-01',
      '2025-to-02',
    ]);
    expect(between('2025-to-Q1', '2025-to-Q3')).toEqual(['2025-to-Q1', '2025-to-Q2', '2025-to-Q3']);
    expect(between('2024-to-12-31', '2025-to-01-01')).toEqual(['2024-to-12-31', '2025-to-01-01']);
    const grains = ['2025-to-06', '2025-to-Q2', '2025-to-06-30', '2025-06'].map((k) =>
      grainOf(parsePeriod(k) as Period),
    );
    expect(grains).toEqual([
      'year to date through a month',
      'year to date through a quarter',
      'year to date through a day',
      'month',
    ]);
  });
});

describe('a year to date ("lũy kế từ đầu năm")', () => {
  const period = (key: string) => parsePeriod(key) as Period;

  it.each([
    ['2025-to-06', '2025-06-30', ['2025-Q1', '2025-Q2']],
    ['2025-to-Q3', '2025-09-30', ['2025-Q1', '2025-Q2', '2025-Q3']],
    ['2025-to-08', '2025-08-31', ['2025-Q1', '2025-Q2', '2025-07', '2025-08']],
    ['2025-to-02-03', '2025-02-03', ['2025-01', '2025-02-01', '2025-02-02', '2025-02-03']],
    ['2024-to-02-29', '2024-02-29', ['2024-01', '2024-02']],
    ['2025-to-12', '2025-12-31', ['2025']],
    ['2025-to-Q4', '2025-12-31', ['2025']],
    ['2025-to-01-01', '2025-01-01', ['2025-01-01']],
  ])('%s runs from 1 January to %s, its flows summed from %j', (key, lastDay, cells) => {
    expect(period(key)).toEqual({ kind: 'to-date', key, firstDay: key.slice(0, 4) + '-01-01', lastDay });
    expect(flowCellsOf(period(key))).toEqual(cells);
    expect(targetPeriodOf(period(key))).toBe(key.slice(0, 4));
  });

  it('sums each of its days exactly once, from cells of the kinds stored', () => {
    const days = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const ends = (day: string) => [day, day.slice(0, 7), periodsOfDay(day)[2] ?? ''];
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 2 }), (day, grain) => {
        const toDate = period(`${day.slice(0, 4)}-to-${(ends(day)[grain] ?? '').slice(5)}`);
        const cells = flowCellsOf(toDate).map(period);
        expect(cells.every((c) => c.kind !== 'to-date')).toBe(true);
        // The cells follow each other without a gap or an overlap, from 1 January to its end.
        expect(cells[0]?.firstDay).toBe(toDate.firstDay);
        expect(cells.at(-1)?.lastDay).toBe(toDate.lastDay);
        for (const [i, cell] of cells.slice(1).entries()) {
          const previous = new Date(`${cells[i]?.lastDay}T00:00:00Z`);
          previous.setUTCDate(previous.getUTCDate() + 1);
          expect(cell.firstDay).toBe(previous.toISOString().slice(0, 10));
        }
        expect(cells.length).toBeLessThanOrEqual(35);
      }),
    );
  });

  it('leaves a stored period as it is', () => {
    expect([flowCellsOf(period('2025-Q2')), targetPeriodOf(period('2025-Q2'))]).toEqual([
      ['2025-Q2'],
      '2025-Q2',
    ]);
  });
});
