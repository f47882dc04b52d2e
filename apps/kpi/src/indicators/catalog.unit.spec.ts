import { describe, expect, it } from '@jest/globals';
import { activityKinds, statisticIds, statisticNames } from '@nhip/contracts';
import { catalogVersions, indicatorCatalog } from './catalog.ts';
import { metricDefinitions } from './metric-names.ts';

describe('the indicator catalog', () => {
  it('names each indicator once per version', () => {
    const keys = catalogVersions.map((i) => `${i.id}@${i.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    // In force: one version of each.
    expect(new Set(indicatorCatalog.map((i) => i.id)).size).toBe(indicatorCatalog.length);
  });

  it('gives every ratio a denominator and no count one', () => {
    for (const indicator of indicatorCatalog) {
      expect([indicator.id, indicator.unit === 'count']).toEqual([
        indicator.id,
        indicator.denominator === undefined,
      ]);
    }
  });

  it('counts residents helped for every kind of activity', () => {
    const counted = indicatorCatalog.filter((i) => i.id.startsWith('residents_helped.')).map((i) => i.id);
    expect(counted).toEqual(Object.keys(activityKinds).map((kind) => `residents_helped.${kind}`));
  });

  it('has Vietnamese names with their diacritics and English names', () => {
    const vneid = indicatorCatalog.find((i) => i.id === 'vneid_vs_target');
    expect(vneid?.name.vi).toBe('Tài khoản định danh điện tử (VNeID) so với chỉ tiêu được giao');
    for (const { name } of indicatorCatalog) {
      expect(name.vi.normalize('NFC')).toBe(name.vi);
      expect(name.en).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});

describe('the vocabulary the formulas use', () => {
  const operands = indicatorCatalog.flatMap((i) => [i.numerator, ...(i.denominator ? [i.denominator] : [])]);

  it('names every metric a formula counts or takes a target of, in both languages', () => {
    const named = new Set(metricDefinitions.map((m) => m.id));
    for (const operand of operands) {
      const metric = 'metric' in operand ? operand.metric : 'target' in operand ? operand.target : null;
      if (metric !== null) expect([metric, named.has(metric)]).toEqual([metric, true]);
    }
    for (const { id, name } of metricDefinitions) {
      expect([id, name.vi.length > 0, name.vi.normalize('NFC') === name.vi]).toEqual([id, true, true]);
      expect([id, name.en]).toEqual([id, expect.stringMatching(/^[\x20-\x7e]+$/)]);
    }
  });

  it('tells flows from stocks and reads a residents-helped metric as its indicator does', () => {
    const helped = metricDefinitions.find((m) => m.id === 'residents_helped.vneid_activation');
    expect(helped).toEqual({
      id: 'residents_helped.vneid_activation',
      counts: 'flow',
      name: indicatorCatalog.find((i) => i.id === 'residents_helped.vneid_activation')?.name,
    });
    expect(metricDefinitions.find((m) => m.id === 'active_members')?.counts).toBe('stock');
  });

  it('names every statistic partners may send', () => {
    for (const id of statisticIds) {
      expect([id, statisticNames[id].vi.length > 0, /^[\x20-\x7e]+$/.test(statisticNames[id].en)]).toEqual([
        id,
        true,
        true,
      ]);
    }
    expect(statisticNames.population_15_plus.vi).toBe('Dân số từ 15 tuổi trở lên');
  });
});
