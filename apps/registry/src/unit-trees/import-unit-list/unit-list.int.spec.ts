// The real national lists beside every CI run (../shared/data/vn-admin), through the parser and
// the decider: both trees import whole, and a second import of the same list decides nothing.
import { describe, expect, it } from '@jest/globals';
import { fold } from '@nhip/decider';
import { unitTreeDecider } from '../unit-tree.decider.ts';
import { parseUnitList } from './unit-list.csv.ts';

import { nationalFile } from '../../fixtures/national-data.ts';

describe.each([
  ['units-2024.csv', 'vn-2024', '2008-08-01', { 1: 63, 2: 696, 3: 10_047 }],
  ['units-2025.csv', 'vn-2025', '2025-07-01', { 1: 34, 2: 3_321 }],
])('the official list %s', (file, treeVersion, effectiveFrom, perLevel) => {
  const csv = nationalFile(file);

  it('parses with the published count of units per level', () => {
    const parsed = parseUnitList(csv);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 5)));
    const counts: Record<number, number> = {};
    for (const u of parsed.units) counts[u.level] = (counts[u.level] ?? 0) + 1;
    expect(counts).toEqual(perLevel);
  });

  it('imports into a tree once; importing it again changes nothing', () => {
    const parsed = parseUnitList(csv);
    if (!parsed.ok) throw new Error('unparseable');
    const command = { type: 'ImportUnitList', treeVersion, effectiveFrom, units: parsed.units } as const;
    const first = unitTreeDecider.decide(command, unitTreeDecider.initialState());
    expect(first).toHaveLength(parsed.units.length + 1);
    const again = unitTreeDecider.decide(command, fold(unitTreeDecider, first));
    expect(again).toEqual([]);
  });
});
