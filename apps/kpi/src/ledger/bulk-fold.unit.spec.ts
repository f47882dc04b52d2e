import { describe, expect, it } from '@jest/globals';
import type { MetricDelta } from '../metrics/metric-delta.ts';
import { rollUp } from '../rollups/rollup.ts';
import { BulkFold } from './bulk-fold.ts';

const delta = (units: string[], metric: MetricDelta['metric'], day: string, value: number): MetricDelta => ({
  units,
  metric,
  day,
  delta: value,
  sourceEventId: `${units.join('/')}:${metric}:${day}:${value}`,
  recordedAt: '2025-04-01T00:00:00Z',
});

/** A ledger row as COPY text writes it: `{a,b}  metric  day  delta`. */
const line = (d: MetricDelta) => `{${d.units.join(',')}}\t${d.metric}\t${d.day}\t${d.delta}`;

const sorted = (cells: { unitCode: string; metric: string; period: string; value: number }[]) =>
  cells.map((c) => `${c.unitCode}|${c.metric}|${c.period}|${c.value}`).sort();

describe('the rebuild’s bulk fold', () => {
  it('arrives at the cells the live path rolls the same deltas up to, zeros left out', () => {
    const deltas = [
      delta(['48', '490', '20194'], 'residents_helped.vneid_activation', '2025-03-31', 12),
      delta(['48', '490', '20194'], 'residents_helped.vneid_activation', '2025-04-01', 5),
      delta(['48', '491', '20227'], 'activities.vneid_activation', '2025-03-31', 1),
      delta(['48', '490', '20194'], 'residents_helped.vneid_activation', '2025-04-01', -5),
      delta(['66', '24175', '24175-003'], 'active_members', '2025-08-01', 3),
      delta(['24175'], 'active_members', '2025-08-02', -1),
    ];
    const fold = new BulkFold();
    for (const d of deltas) fold.addLine(line(d));
    const live = rollUp(deltas).map((c) => ({ ...c, value: c.delta }));
    expect(fold.rows).toBe(deltas.length);
    expect(sorted([...fold.nonZeroCells()])).toEqual(sorted(live));
    expect(sorted([...fold.nonZeroCells()])).not.toContain(
      '20194|residents_helped.vneid_activation|2025-04-01|0',
    );
    expect(fold.kindOf('2025-Q2')).toBe('quarter');
    const rows = [...fold.copyText()].join('').split('\n').filter(Boolean);
    expect(
      rows
        .map((r) => r.split('\t'))
        .map((f) => `${f[0]}|${f[1]}|${f[2]}|${f[4]}`)
        .sort(),
    ).toEqual(sorted(live));
    expect(rows).toContain('48\tresidents_helped.vneid_activation\t2025-Q1\tquarter\t12');
  });
});
