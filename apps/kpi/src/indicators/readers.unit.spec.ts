import { describe, expect, it } from '@jest/globals';
import { indicatorCatalog } from './catalog.ts';
import { inCatalogOrder, indicatorsReading } from './readers.ts';

const ids = (list: readonly { id: string }[]) => list.map((d) => d.id);

describe('the indicators a changed input can move', () => {
  it('names the kind’s residents helped and the indicator measured against its target for a kind’s activities', () => {
    expect(ids(indicatorsReading({ metric: 'residents_helped.vneid_activation' }))).toEqual([
      'vneid_vs_target',
      'residents_helped.vneid_activation',
    ]);
    expect(ids(indicatorsReading({ metric: 'residents_helped.heritage_qr' }))).toEqual([
      'residents_helped.heritage_qr',
    ]);
  });

  it('names both indicators of a metric read as a numerator by one and a denominator by another', () => {
    expect(ids(indicatorsReading({ metric: 'active_members' })).sort()).toEqual([
      'active_members_per_team',
      'members_trained',
    ]);
  });

  it('tells a metric, a statistic and a target of the same name apart', () => {
    expect(ids(indicatorsReading({ target: 'residents_helped.vneid_activation' }))).toEqual([
      'vneid_vs_target',
    ]);
    expect(ids(indicatorsReading({ statistic: 'population_15_plus' }))).toEqual(['e_payment_15_plus']);
    expect(indicatorsReading({ statistic: 'residents_helped.vneid_activation' })).toEqual([]);
  });

  it('names none for what no indicator reads', () => {
    expect(indicatorsReading({ metric: 'activities.vneid_activation' })).toEqual([]);
  });

  it('covers the catalog: every indicator is read from some input it names', () => {
    const reached = new Set(
      indicatorCatalog.flatMap((d) =>
        [d.numerator, d.denominator].flatMap((o) => (o ? indicatorsReading(o) : [])),
      ),
    );
    expect(reached.size).toBe(indicatorCatalog.length);
  });

  it('gives a set back in the catalog’s order, and the catalog itself for all of it', () => {
    const [first, second] = indicatorCatalog;
    expect(inCatalogOrder(new Set([second!, first!]))).toEqual([first, second]);
    expect(inCatalogOrder(new Set(indicatorCatalog))).toBe(indicatorCatalog);
  });
});
