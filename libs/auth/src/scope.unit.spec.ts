// Scope by unit path as of a date, over a small tree with a reform: 2024 has districts, 2025 not.
import { describe, expect, it } from '@jest/globals';
import { ProblemError } from '@nhip/service-http';
import type { Principal } from './claims.ts';
import { mostGeneral, mostSpecific, scopeRootsFrom, type ScopeRootRow } from './scope-roots.ts';
import { UnitScope, type UnitTreePort } from './scope.ts';

// vn-2024: 66 > 643 > 24172, 66 > 650 > 24355, 66 > 650 > 24343 (a commune whose code 2025 gives
// to another), 66 > 650 > 24130 (split between two new communes), 54 > 22015; vn-2025: 66 > 24175
// (was 24172 and part of 24130), 66 > 24343 (was 24355 and part of 24130), 66 > 22240 (was 22015).
// Both 2024 provinces went whole into the 2025 province 66.
const paths: Record<string, Record<string, string[]>> = {
  'vn-2024': {
    '66': ['66'],
    '643': ['66', '643'],
    '24172': ['66', '643', '24172'],
    '650': ['66', '650'],
    '24355': ['66', '650', '24355'],
    '24343': ['66', '650', '24343'],
    '24130': ['66', '650', '24130'],
    '54': ['54'],
    '22015': ['54', '22015'],
  },
  'vn-2025': {
    '66': ['66'],
    '24175': ['66', '24175'],
    '24343': ['66', '24343'],
    '24175-001': ['66', '24175', '24175-001'],
    '22240': ['66', '22240'],
  },
};
/** [2025 unit, a 2024 unit it was made from, how], provinces as well as communes, as the mapping has them. */
const lineage: readonly (readonly [string, string, 'full' | 'partial'])[] = [
  ['66', '66', 'full'],
  ['66', '54', 'full'],
  ['24175', '24172', 'full'],
  ['24175', '24130', 'partial'],
  ['24343', '24355', 'full'],
  ['24343', '24130', 'partial'],
  ['22240', '22015', 'full'],
];

/** The rows `scopeRootsSql` gives, over the tables above: its rule, in memory. */
function scopeRootRows(scope: string, treeVersion: string, unitTree?: string): ScopeRootRow[] {
  const home = unitTree ?? ['vn-2025', 'vn-2024'].find((version) => paths[version]?.[scope]);
  const own = home === undefined ? undefined : paths[home]?.[scope];
  if (home === undefined || own === undefined) return [];
  if (home === treeVersion) return [{ via: 'own', relation: 'full', path: own }];
  const under = (version: string, code: string) => paths[version]?.[code]?.includes(scope) === true;
  const at = (version: string, code: string) => paths[version]?.[code] ?? [];
  if (home === 'vn-2024')
    return lineage
      .filter(([, old]) => under('vn-2024', old))
      .map(([now, , relation]) => ({ via: 'successor', relation, path: at('vn-2025', now) }));
  return lineage
    .filter(([now]) => under('vn-2025', now))
    .map(([, old, relation]) => ({ via: 'predecessor', relation, path: at('vn-2024', old) }));
}

/** The port as the services answer it (ADR 0022): the rows above through `scopeRootsFrom`. */
const placesOf = (codes: readonly string[], day: string) => {
  const treeVersion = day < '2025-07-01' ? 'vn-2024' : 'vn-2025';
  return new Map(
    codes.flatMap((code) => {
      const path = paths[treeVersion]?.[code];
      return path ? [[code, { treeVersion, path }] as const] : [];
    }),
  );
};
const tree: UnitTreePort = {
  placeOf: (code, day) => Promise.resolve(placesOf([code], day).get(code)),
  placesOf: (codes, day) => Promise.resolve(placesOf(codes, day)),
  scopeRootsIn: (scope, treeVersion, unitTree) =>
    Promise.resolve(scopeRootsFrom(treeVersion, scopeRootRows(scope, treeVersion, unitTree))),
};
const scope = new UnitScope(tree);
const as = (role: Principal['role'], unit?: string): Principal => ({ subject: 's', role, unit });

describe('UnitScope', () => {
  it('tells which of many placements lie in the area, across both trees, in their order', async () => {
    const placements = [
      { treeVersion: 'vn-2025', path: ['66', '24175', '24175-001'] },
      { treeVersion: 'vn-2025', path: ['66', '24343'] },
      { treeVersion: 'vn-2024', path: ['66', '643', '24172'] },
      { treeVersion: 'vn-2024', path: ['66', '650', '24355'] },
    ];
    expect(await scope.insideAll(as('district-oc', '643'), placements)).toEqual([true, false, true, false]);
    expect(await scope.insideAll(as('admin'), placements)).toEqual([true, true, true, true]);
  });

  it.each([
    {
      what: 'a province operator, its commune',
      principal: as('ioc-operator', '66'),
      unit: '24175',
      day: '2026-01-01',
      inside: true,
    },
    {
      what: 'a 2024 district, its commune before the reform',
      principal: as('district-oc', '643'),
      unit: '24172',
      day: '2025-03-01',
      inside: true,
    },
    {
      what: 'a 2024 district, what its commune became',
      principal: as('district-oc', '643'),
      unit: '24175',
      day: '2026-01-01',
      inside: true,
    },
    {
      what: 'a 2024 district, a village under that',
      principal: as('district-oc', '643'),
      unit: '24175-001',
      day: '2026-01-01',
      inside: true,
    },
    {
      what: 'a 2024 district, another district’s successor',
      principal: as('district-oc', '643'),
      unit: '24343',
      day: '2026-01-01',
      inside: false,
    },
    {
      what: 'a 2025 commune, what it was made of',
      principal: as('commune-officer', '24175'),
      unit: '24172',
      day: '2025-03-01',
      inside: true,
    },
    {
      what: 'a commune, its neighbour',
      principal: as('commune-officer', '24175'),
      unit: '24343',
      day: '2026-01-01',
      inside: false,
    },
    {
      what: 'a commune, its province',
      principal: as('commune-officer', '24175'),
      unit: '66',
      day: '2026-01-01',
      inside: false,
    },
    { what: 'admin, anything', principal: as('admin'), unit: '24343', day: '2026-01-01', inside: true },
  ])('$what', async ({ principal, unit, day, inside }) => {
    expect(await scope.covers(principal, unit, day)).toBe(inside);
  });

  it('says a unit above the area is above, and gives the area in a tree for filtering lists', async () => {
    const oc = as('district-oc', '643');
    expect(await scope.relationOf(oc, { treeVersion: 'vn-2025', path: ['66'] })).toBe('above');
    expect(await scope.areaIn(oc, 'vn-2025')).toEqual(['24175']);
    expect(await scope.areaIn(as('admin'), 'vn-2025')).toBeUndefined();
  });

  it("asks for the area even with the caller's code on the path: another tree may give it to another unit", async () => {
    const asked: string[] = [];
    const counting = new UnitScope({
      ...tree,
      scopeRootsIn: (unit, version) => {
        asked.push(`${unit}@${version}`);
        return tree.scopeRootsIn(unit, version);
      },
    });
    const officer = as('commune-officer', '24343');
    expect(await counting.relationOf(officer, { treeVersion: 'vn-2025', path: ['66', '24343'] })).toBe(
      'inside',
    );
    expect(await counting.relationOf(officer, { treeVersion: 'vn-2024', path: ['66', '650', '24343'] })).toBe(
      'outside',
    );
    expect(asked).toEqual(['24343@vn-2025', '24343@vn-2024']);
  });

  it('reads a province made of two whole ones as both of them in the older tree', async () => {
    const ioc = as('ioc-operator', '66');
    expect(await scope.relationOf(ioc, { treeVersion: 'vn-2024', path: ['54'] })).toBe('inside');
    expect(await scope.areaIn(ioc, 'vn-2024')).toEqual(['66', '54']);
    expect(await scope.covers(ioc, '22015', '2025-03-01')).toBe(true);
  });

  it('reads a former province as the communes made from its own, the province that took them above', async () => {
    const former = as('ioc-operator', '54');
    expect(await scope.areaIn(former, 'vn-2025')).toEqual(['22240']);
    expect(await scope.relationOf(former, { treeVersion: 'vn-2025', path: ['66'] })).toBe('above');
    expect(await scope.covers(former, '24175', '2026-01-01')).toBe(false);
  });

  it('reads none of a commune split between new ones, and the whole of one that went whole', async () => {
    const officer = as('commune-officer', '24343');
    expect(await scope.covers(officer, '24355', '2025-03-01')).toBe(true);
    expect(await scope.covers(officer, '24130', '2025-03-01')).toBe(false);
    expect(await scope.areaIn(officer, 'vn-2024')).toEqual(['24355']);
  });

  it('says, refusing a code that is the caller’s own in another tree, that it names another unit there', async () => {
    const error = await scope
      .require(as('commune-officer', '24343'), '24343', '2025-03-01', 'code')
      .catch((e: unknown) => e);
    expect((error as ProblemError).problem).toMatchObject({
      status: 403,
      detail:
        'Unit 24343 of vn-2024 is outside the area of your sign-in (unit 24343 and below). In vn-2024 the code 24343 is another unit than yours, or one split between several; your area there is what went whole into yours.',
      errors: [{ field: 'code', reason: 'unit 24343 is outside 24343' }],
    });
  });

  it('takes a scope named with its tree as that unit, whatever the code means elsewhere', async () => {
    const roots = await tree.scopeRootsIn('66', 'vn-2024', 'vn-2024');
    expect(roots).toEqual([{ treeVersion: 'vn-2024', path: ['66'] }]);
    const later = await tree.scopeRootsIn('66', 'vn-2025', 'vn-2024');
    expect(later.map((root) => root.path.at(-1))).toEqual(['24175', '24343']);
    const partOfIt = await tree.scopeRootsIn('24130', 'vn-2025', 'vn-2024');
    expect(partOfIt.map((root) => root.path.at(-1))).toEqual(['24175', '24343']);
  });

  it('refuses with a 403 naming the unit and the scope; an unknown unit is left to its 404', async () => {
    const error = await scope
      .require(as('commune-officer', '24175'), '24343', '2026-01-01', 'code')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problem).toMatchObject({
      status: 403,
      errors: [{ field: 'code', reason: 'unit 24343 is outside 24175' }],
    });
    await expect(
      scope.require(as('commune-officer', '24175'), '99999', '2026-01-01'),
    ).resolves.toBeUndefined();
  });
});

describe('a token naming the tree of its unit (unit_tree)', () => {
  const former = (unit: string): Principal => ({ ...as('commune-officer', unit), unitTree: 'vn-2024' });

  it('reads a reused code as the unit of the tree named, not the latest tree’s unit of that code', async () => {
    // 2024's 24343 went nowhere the lineage says; 2025's 24343 is another commune (24355, part of 24130).
    expect(await scope.covers(former('24343'), '24343', '2025-01-01')).toBe(true);
    expect(await scope.covers(former('24343'), '24343', '2026-01-01')).toBe(false);
    expect(await scope.covers(as('commune-officer', '24343'), '24343', '2025-01-01')).toBe(false);
    expect(await scope.covers(as('commune-officer', '24343'), '24343', '2026-01-01')).toBe(true);
  });

  it('reads a former province in the later tree as what its own communes became, not its merged neighbour', async () => {
    // vn-2025's 66 took 2024's 66 and 54 whole; a token for 2024's 66 keeps to 2024's 66.
    const province = { ...as('ioc-operator', '66'), unitTree: 'vn-2024' };
    expect((await scope.areaIn(province, 'vn-2025'))?.sort()).toEqual(['24175', '24343']);
    expect(await scope.covers(province, '22240', '2026-01-01')).toBe(false);
    expect(await scope.covers(as('ioc-operator', '66'), '22240', '2026-01-01')).toBe(true);
    expect(await scope.covers(province, '22015', '2025-01-01')).toBe(false);
  });
});

describe('UnitScope.requireUnits: many units on one day (a campaign, bridge points)', () => {
  it('passes units inside the area and units the tree lacks, refusing the first outside by code', async () => {
    const officer = as('district-oc', '650');
    await expect(
      scope.requireUnits(officer, ['24355', '99999', '24130'], '2025-01-01', 'unitCodes'),
    ).resolves.toBeUndefined();
    const error = await scope
      .requireUnits(officer, ['24355', '24172', '22015'], '2025-01-01', 'unitCodes')
      .catch((e: unknown) => e);
    expect((error as ProblemError).problem).toMatchObject({
      status: 403,
      errors: [{ field: 'unitCodes', reason: 'unit 24172 is outside 650' }],
    });
  });

  it('reads the units in the tree of the day: a former district covers its communes’ successors', async () => {
    const officer = as('district-oc', '650');
    await expect(scope.requireUnits(officer, ['24343'], '2026-01-01', 'unitCodes')).resolves.toBeUndefined();
    await expect(scope.requireUnits(officer, ['24343', '22240'], '2026-01-01', 'unitCodes')).rejects.toThrow(
      ProblemError,
    );
  });

  it('asks nothing for an admin or an empty list', async () => {
    let asked = 0;
    const counting = new UnitScope({
      ...tree,
      placesOf: (codes, day) => (asked++, tree.placesOf(codes, day)),
    });
    await counting.requireUnits(as('admin'), ['24172'], '2025-01-01', 'unitCodes');
    await counting.requireUnits(as('district-oc', '650'), [], '2025-01-01', 'unitCodes');
    expect(asked).toBe(0);
  });

  it('places all the units in one read and reads the area once per tree, however many units', async () => {
    const calls = { placesOf: 0, scopeRootsIn: 0 };
    const counting = new UnitScope({
      placeOf: () => Promise.reject(new Error('one unit at a time')),
      placesOf: (codes, day) => (calls.placesOf++, tree.placesOf(codes, day)),
      scopeRootsIn: (...args) => (calls.scopeRootsIn++, tree.scopeRootsIn(...args)),
    });
    const codes = ['24355', '24343', '24130', '650', '24355'];
    await counting.requireUnits(as('district-oc', '650'), codes, '2025-01-01', 'unitCodes');
    expect(calls).toEqual({ placesOf: 1, scopeRootsIn: 1 });
  });
});

describe('mostSpecific and mostGeneral: the units a scope is read through in another tree', () => {
  const unit = (...path: string[]) => ({ treeVersion: 'vn-2025', path });

  it('leaves out the province that absorbed a former province: its communes are the area', () => {
    // Phú Yên (54, 2024) in 2026: linked whole to Đắk Lắk (66) and, commune by commune, to three of its communes.
    const linked = [unit('66'), unit('66', '22015'), unit('66', '22045'), unit('66', '22240')];
    expect(mostSpecific(linked).map((u) => u.path.at(-1))).toEqual(['22015', '22045', '22240']);
  });

  it('keeps every commune of a former district, none being above another', () => {
    const communes = [unit('66', '24121'), unit('66', '24133'), unit('66', '24175')];
    expect(mostSpecific(communes)).toEqual(communes);
  });

  it('keeps a unit linked alone, with nothing under it', () => {
    expect(mostSpecific([unit('66')])).toEqual([unit('66')]);
  });

  it('keeps the whole provinces a new province was made of, not their communes under them', () => {
    const made = [unit('66'), unit('54'), unit('66', '643', '24172'), unit('54', '22015')];
    expect(mostGeneral(made).map((u) => u.path.at(-1))).toEqual(['66', '54']);
  });

  it('keeps every commune a new commune was made of, none being above another', () => {
    const communes = [unit('66', '643', '24172'), unit('66', '650', '24355')];
    expect(mostGeneral(communes)).toEqual(communes);
  });
});
