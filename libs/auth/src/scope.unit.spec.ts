// Scope by unit path as of a date, over a small tree with a reform: 2024 has districts, 2025 not.
import { describe, expect, it } from '@jest/globals';
import { ProblemError } from '@nhip/service-http';
import type { Principal } from './claims.ts';
import { mostSpecific, UnitScope, type Placement, type UnitTreePort } from './scope.ts';

// vn-2024: 66 > 643 > 24172, 66 > 650 > 24355; vn-2025: 66 > 24175 (was 24172), 66 > 24343 (was 24355).
const paths: Record<string, Record<string, string[]>> = {
  'vn-2024': {
    '66': ['66'],
    '643': ['66', '643'],
    '24172': ['66', '643', '24172'],
    '650': ['66', '650'],
    '24355': ['66', '650', '24355'],
  },
  'vn-2025': {
    '66': ['66'],
    '24175': ['66', '24175'],
    '24343': ['66', '24343'],
    '24175-001': ['66', '24175', '24175-001'],
  },
};
const successors: Record<string, string> = { '24172': '24175', '24355': '24343' };

/** The port as the services answer it, over the table above (the lineage rule of ADR 0022). */
const tree: UnitTreePort = {
  placeOf: (code, day) => {
    const treeVersion = day < '2025-07-01' ? 'vn-2024' : 'vn-2025';
    const path = paths[treeVersion]?.[code];
    return Promise.resolve(path && { treeVersion, path });
  },
  scopeRootsIn: (scope, treeVersion) => {
    const own = paths[treeVersion]?.[scope];
    if (own) return Promise.resolve([{ treeVersion, path: own }]);
    const other = treeVersion === 'vn-2025' ? 'vn-2024' : 'vn-2025';
    const linked = Object.entries(successors)
      .map(([old, now]): [string, string] => (treeVersion === 'vn-2025' ? [old, now] : [now, old]))
      .filter(([there]) => paths[other]?.[there]?.includes(scope))
      .map(([, here]) => ({ treeVersion, path: paths[treeVersion]?.[here] ?? [] }));
    return Promise.resolve(linked satisfies Placement[]);
  },
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

  it("needs no lookup of the area when the caller's own unit is on the path, and still one when not", async () => {
    const asked: string[] = [];
    const counting = new UnitScope({
      ...tree,
      scopeRootsIn: (unit, version) => {
        asked.push(`${unit}@${version}`);
        return tree.scopeRootsIn(unit, version);
      },
    });
    const ioc = as('ioc-operator', '66');
    expect(await counting.relationOf(ioc, { treeVersion: 'vn-2025', path: ['66', '24175'] })).toBe('inside');
    expect(asked).toEqual([]);
    const oc = as('district-oc', '643');
    expect(await counting.relationOf(oc, { treeVersion: 'vn-2025', path: ['66', '24175'] })).toBe('inside');
    expect(await counting.relationOf(oc, { treeVersion: 'vn-2025', path: ['66', '24343'] })).toBe('outside');
    expect(asked).toEqual(['643@vn-2025', '643@vn-2025']);
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

describe('mostSpecific: the units a former unit is read through', () => {
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
});
