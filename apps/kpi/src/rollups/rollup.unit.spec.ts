import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { MetricDelta } from '../metrics/metric-delta.ts';
import { rollUp } from './rollup.ts';

const delta = (units: string[], day: string, value: number): MetricDelta => ({
  units,
  metric: 'residents_helped.vneid_activation',
  source: { kind: 'activity', id: 'a' },
  day,
  delta: value,
  sourceEventId: `${units.join('/')}:${day}:${value}`,
  recordedAt: '2025-04-01T00:00:00Z',
});

describe('rolling deltas up the unit tree', () => {
  it('adds a village’s delta to its commune, district and province, in each period of its day', () => {
    const cells = rollUp([delta(['66', '643', '24172', '24172-001'], '2025-03-31', 12)]);
    expect(cells).toHaveLength(16);
    expect(cells.filter((c) => c.unitCode === '66').map((c) => c.period)).toEqual([
      '2025-03-31',
      '2025-03',
      '2025-Q1',
      '2025',
    ]);
  });

  it('follows a 2-level path as far as it goes: no district after the 2025 reform', () => {
    const units = new Set(
      rollUp([delta(['66', '24175', '24175-003'], '2025-08-01', 3)]).map((c) => c.unitCode),
    );
    expect([...units]).toEqual(['66', '24175', '24175-003']);
  });

  it('coalesces a batch to one change per cell and leaves out cells that net to zero', () => {
    const cells = rollUp([
      delta(['66', '24175'], '2025-08-01', 5),
      delta(['66', '24175'], '2025-08-02', 2),
      delta(['66', '24175'], '2025-08-01', -5),
    ]);
    const province = cells.filter((c) => c.unitCode === '66').map((c) => [c.period, c.delta]);
    expect(province.sort()).toEqual([
      ['2025', 2],
      ['2025-08', 2],
      ['2025-08-02', 2],
      ['2025-Q3', 2],
    ]);
  });

  it('keeps each province’s yearly total equal to the sum of the deltas under it', () => {
    const deltas = fc.array(
      fc.record({
        commune: fc.constantFrom('24172', '24175', '24343'),
        day: fc.constantFrom('2025-01-05', '2025-06-30', '2025-07-01'),
        value: fc.integer({ min: -50, max: 50 }),
      }),
    );
    fc.assert(
      fc.property(deltas, (list) => {
        const cells = rollUp(list.map((d) => delta(['66', d.commune], d.day, d.value)));
        const yearly = cells.find((c) => c.unitCode === '66' && c.period === '2025')?.delta ?? 0;
        expect(yearly).toBe(list.reduce((sum, d) => sum + d.value, 0));
      }),
    );
  });
});
