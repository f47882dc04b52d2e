import { describe, expect, it } from '@jest/globals';
import { indicatorCatalog } from './catalog.ts';
import { inForce, superseded } from './in-force.ts';
import type { IndicatorDefinition } from './indicator.ts';

const [first, second] = indicatorCatalog as [IndicatorDefinition, IndicatorDefinition];
const revised = (definition: IndicatorDefinition, version: number): IndicatorDefinition => ({
  ...definition,
  version,
  decimals: definition.decimals + version,
});

describe('the versions in force', () => {
  it('computes with the newest version of each indicator, where the ids first appear', () => {
    const versions = [first, second, revised(first, 3), revised(first, 2)];
    expect(inForce(versions).map((d) => [d.id, d.version])).toEqual([
      [first.id, 3],
      [second.id, 1],
    ]);
    expect(superseded(versions).map((d) => [d.id, d.version])).toEqual([
      [first.id, 1],
      [first.id, 2],
    ]);
  });

  it('is the catalog itself while every indicator has one version', () => {
    expect(inForce(indicatorCatalog)).toEqual(indicatorCatalog);
    expect(superseded(indicatorCatalog)).toEqual([]);
  });
});
