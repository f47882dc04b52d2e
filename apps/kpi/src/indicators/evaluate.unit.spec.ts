import { describe, expect, it } from '@jest/globals';
import { indicatorCatalog } from './catalog.ts';
import { evaluate, metricKind, type OperandFigures } from './evaluate.ts';
import { rankSiblings } from './rank.ts';

const indicator = (id: string) => {
  const found = indicatorCatalog.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};
const figures = (partial: Partial<OperandFigures>): OperandFigures => ({
  metric: () => 0,
  statistic: () => undefined,
  target: () => undefined,
  ...partial,
});

describe('evaluating an indicator', () => {
  it('gives Thanh Khê Đông 134.54 % of its VNeID target, with the figures it came from', () => {
    const value = evaluate(
      indicator('vneid_vs_target'),
      figures({
        metric: () => 13_387,
        target: (id) => (id === 'residents_helped.vneid_activation' ? 9_950 : undefined),
      }),
    );
    expect(value).toEqual({
      indicatorId: 'vneid_vs_target',
      version: 1,
      numerator: 13_387,
      denominator: 9_950,
      value: 134.54,
      exact: '134.54',
    });
  });

  it('says no target was assigned instead of showing 0 %', () => {
    expect(evaluate(indicator('vneid_vs_target'), figures({ metric: () => 120 }))).toMatchObject({
      value: undefined,
      missing: 'no-target',
    });
  });

  it('says a statistic is missing, and that a zero denominator has no value', () => {
    expect(evaluate(indicator('e_payment_15_plus'), figures({}))).toMatchObject({ missing: 'no-statistic' });
    expect(evaluate(indicator('villages_with_active_team'), figures({}))).toMatchObject({
      numerator: 0,
      denominator: 0,
      missing: 'zero-denominator',
    });
  });

  it('gives the pilot communes 15/15 villages with an active team and 5.1 members per team in Hòa Phú', () => {
    const hoaPhu: Record<string, number> = {
      villages: 15,
      villages_with_active_team: 15,
      active_teams: 15,
      active_members: 77,
    };
    const counts = figures({ metric: (id) => hoaPhu[id] ?? 0 });
    expect(evaluate(indicator('villages_with_active_team'), counts).exact).toBe('100.00');
    expect(evaluate(indicator('active_members_per_team'), counts).exact).toBe('5.1');
  });

  it('gives a count its numerator', () => {
    const value = evaluate(indicator('residents_helped.online_application'), figures({ metric: () => 42 }));
    expect([value.value, value.denominator]).toEqual([42, undefined]);
  });

  it('sums flows within a period and reads stocks at its end', () => {
    expect([metricKind('residents_helped.vneid_activation'), metricKind('active_members')]).toEqual([
      'flow',
      'stock',
    ]);
  });
});

describe('ranking siblings', () => {
  it('ranks the highest first when higher is better, ties sharing a rank, units without a value unranked', () => {
    const ranked = rankSiblings(
      [
        { unitCode: 'a', value: 80 },
        { unitCode: 'b', value: 95 },
        { unitCode: 'c', value: 80 },
        { unitCode: 'd', value: undefined },
        { unitCode: 'e', value: 10 },
      ],
      'higher-is-better',
    );
    expect(ranked.map((r) => r.rank)).toEqual([2, 1, 2, undefined, 4]);
  });

  it('ranks the lowest first when lower is better', () => {
    const ranked = rankSiblings(
      [
        { unitCode: 'a', value: 3 },
        { unitCode: 'b', value: 1 },
      ],
      'lower-is-better',
    );
    expect(ranked.map((r) => r.rank)).toEqual([2, 1]);
  });

  it('ranks 0 and -0 together, Infinity first, and leaves NaN unranked like a missing value', () => {
    const ranked = rankSiblings(
      [
        { unitCode: 'a', value: 0 },
        { unitCode: 'b', value: Number.NaN },
        { unitCode: 'c', value: -0 },
        { unitCode: 'd', value: Number.POSITIVE_INFINITY },
      ],
      'higher-is-better',
    );
    expect(ranked.map((r) => r.rank)).toEqual([2, undefined, 2, 1]);
  });

  it('gives each of 300 siblings 1 + the number strictly better, with many ties and gaps', () => {
    // A fixed pseudo-random spread: values repeat (ties) and a tenth have none.
    const values = Array.from({ length: 300 }, (_, i) => ({
      unitCode: `u${i}`,
      value: (i * 7919) % 10 === 0 ? undefined : ((i * 104_729) % 37) / 4,
    }));
    for (const direction of ['higher-is-better', 'lower-is-better'] as const) {
      const better = (a: number, b: number) => (direction === 'higher-is-better' ? a > b : a < b);
      const expected = values.map(({ value }) =>
        value === undefined
          ? undefined
          : 1 + values.filter((o) => o.value !== undefined && better(o.value, value)).length,
      );
      expect(rankSiblings(values, direction).map((r) => r.rank)).toEqual(expected);
    }
  });
});
