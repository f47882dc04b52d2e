import { describe, expect, it } from '@jest/globals';
import type { MetricDelta } from '../metrics/metric-delta.ts';
import { rollUp } from '../rollups/rollup.ts';
import { CellOrder, type SecondColumn } from './cell-order.ts';
import { LedgerPartitions } from './ledger-partitions.ts';
import { rebuiltRows } from './rebuild-rows.ts';

const delta = (units: string[], metric: MetricDelta['metric'], day: string, value: number): MetricDelta => ({
  units,
  metric,
  source: { kind: 'activity', id: 'a' },
  day,
  delta: value,
  sourceEventId: `${units.join('/')}:${metric}:${day}:${value}`,
  recordedAt: '2025-04-01T00:00:00Z',
});

/** A ledger row as COPY text writes it: `{a,b}  metric  day  delta`. */
const line = (d: MetricDelta) => `{${d.units.join(',')}}\t${d.metric}\t${d.day}\t${d.delta}`;

const sorted = (cells: { unitCode: string; metric: string; period: string; value: number }[]) =>
  cells.map((c) => `${c.unitCode}|${c.metric}|${c.period}|${c.value}`).sort();

/** Partitions the lines, folds each partition alone, and merges their cells' COPY rows. */
async function rebuild(lines: readonly string[], second: SecondColumn = 'metric') {
  const ledger = new LedgerPartitions();
  try {
    // In two pieces split inside a line, as COPY's chunks come: the unfinished line is handed back.
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const used = ledger.addRows(bytes.subarray(0, 37));
    expect(used).toBeLessThan(37);
    expect(ledger.addRows(bytes.subarray(used))).toBe(bytes.length - used);
    const partitions = ledger.partitions();
    let folded = 0;
    const text: string[] = [];
    for await (const piece of rebuiltRows(
      ledger,
      partitions,
      new CellOrder(ledger, second),
      () => folded++,
    )) {
      text.push(piece);
    }
    const rows = text.join('').split('\n').filter(Boolean);
    const fields = rows.map((r) => r.split('\t'));
    const cells = fields.map(([unitCode = '', metric = '', period = '', , value = '']) => ({
      unitCode,
      metric,
      period,
      value: Number(value),
    }));
    return { ledger, partitions, folded, rows, fields, cells };
  } finally {
    ledger.spill.close();
  }
}

/** Whether rows come in the order of a key over these columns (by code unit, as C collates). */
const inKeyOrder = (fields: string[][], columns: number[]) =>
  fields.every((f, i) => {
    const before = fields[i - 1];
    if (before === undefined) return true;
    const a = columns.map((c) => before[c] ?? '');
    const b = columns.map((c) => f[c] ?? '');
    const at = a.findIndex((x, k) => x !== b[k]);
    return at !== -1 && (a[at] ?? '') < (b[at] ?? '');
  });

// A pseudo-random but fixed ledger: three provinces' paths in the 2024 and 2025 trees, distinct
// counts that name one unit of a path only, days over two years, deltas that cancel.
function ledgerOf(n: number): MetricDelta[] {
  const paths = [
    ['48', '490', '20194'],
    ['48', '491', '20227'],
    ['66', '643', '24172', '24172-001'],
    ['66', '24175'],
    ['24175'],
    ['490'],
    ['79', '760', '26734'],
  ];
  const metrics = [
    'residents_helped.vneid_activation',
    'activities.vneid_activation',
    'active_members',
  ] as const;
  const deltas: MetricDelta[] = [];
  let seed = 7;
  const next = (m: number) => (seed = (seed * 48271) % 2147483647) % m;
  for (let i = 0; i < n; i++) {
    const day = `${2024 + next(2)}-${String(1 + next(12)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')}`;
    deltas.push(
      delta(paths[next(paths.length)] ?? [], metrics[next(3)] ?? 'active_members', day, next(7) - 3),
    );
  }
  return deltas;
}

describe('the rebuild’s partitioned fold', () => {
  it('arrives at the cells the live path rolls the same deltas up to, zeros left out', async () => {
    const deltas = [
      delta(['48', '490', '20194'], 'residents_helped.vneid_activation', '2025-03-31', 12),
      delta(['48', '490', '20194'], 'residents_helped.vneid_activation', '2025-04-01', 5),
      delta(['48', '491', '20227'], 'activities.vneid_activation', '2025-03-31', 1),
      delta(['48', '490', '20194'], 'residents_helped.vneid_activation', '2025-04-01', -5),
      delta(['66', '24175', '24175-003'], 'active_members', '2025-08-01', 3),
      delta(['24175'], 'active_members', '2025-08-02', -1),
      delta([], 'active_members', '2025-08-02', 4),
    ];
    const { ledger, partitions, folded, cells, rows } = await rebuild(deltas.map(line));
    const live = rollUp(deltas).map((c) => ({ ...c, value: c.delta }));
    expect(ledger.rows).toBe(deltas.length);
    expect(partitions).toHaveLength(2);
    expect(folded).toBe(2);
    expect(sorted(cells)).toEqual(sorted(live));
    expect(sorted(cells)).not.toContain('20194|residents_helped.vneid_activation|2025-04-01|0');
    expect(rows).toContain('48\tresidents_helped.vneid_activation\t2025-Q1\tquarter\t12');
    expect(rows).toContain('24175\tactive_members\t2025-08-02\tday\t-1');
  });

  it('gives every unit’s cells from one partition, over pieces spilled and read back, in key order', async () => {
    const deltas = ledgerOf(30_000);
    const live = sorted(rollUp(deltas).map((c) => ({ ...c, value: c.delta })));
    const byMetric = await rebuild(deltas.map(line));
    // 48 with 490 (its district's distinct counts), 66 with 24175, 79: three provinces.
    expect(byMetric.partitions).toHaveLength(3);
    expect(byMetric.cells.length).toBeGreaterThan(1000);
    expect(new Set(sorted(byMetric.cells)).size).toBe(byMetric.cells.length);
    expect(sorted(byMetric.cells)).toEqual(live);
    expect(inKeyOrder(byMetric.fields, [0, 1, 2])).toBe(true);
    expect(inKeyOrder(byMetric.fields, [0, 2, 1])).toBe(false);
    const byPeriod = await rebuild(deltas.map(line), 'period');
    expect(sorted(byPeriod.cells)).toEqual(live);
    expect(inKeyOrder(byPeriod.fields, [0, 2, 1])).toBe(true);
  });
});
