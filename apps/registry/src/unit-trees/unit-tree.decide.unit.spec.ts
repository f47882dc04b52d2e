import { describe, it } from '@jest/globals';
import { deciderSpec } from '@nhip/decider';
import { unitTreeDecider } from './unit-tree.decider.ts';
import type { UnitRow, UnitTreeEvent } from './unit-tree.ts';

const spec = deciderSpec(unitTreeDecider);
const dakLak: UnitRow = { code: '66', name: 'Tỉnh Đắk Lắk', type: 'Tỉnh', level: 1, parentCode: null };
const bmt: UnitRow = {
  code: '643',
  name: 'Thành phố Buôn Ma Thuột',
  type: 'Thành phố',
  level: 2,
  parentCode: '66',
};
const hoaPhu: UnitRow = { code: '24172', name: 'Xã Hòa Phú', type: 'Xã', level: 3, parentCode: '643' };
const opened: UnitTreeEvent = {
  type: 'UnitTreeVersionOpened',
  data: { treeVersion: 'vn-2024', effectiveFrom: '2008-08-01' },
};
const added = (u: UnitRow): UnitTreeEvent => ({ type: 'UnitAdded', data: u });
const importing = (units: UnitRow[], effectiveFrom = '2008-08-01') =>
  ({ type: 'ImportUnitList', treeVersion: 'vn-2024', effectiveFrom, units }) as const;

describe('importing a unit list', () => {
  it('opens the tree version and adds every unit, parents first', () => {
    spec
      .given([])
      .when(importing([dakLak, bmt, hoaPhu]))
      .then([opened, added(dakLak), added(bmt), added(hoaPhu)]);
  });

  it('changes nothing when the same list is imported again', () => {
    spec
      .given([opened, added(dakLak), added(bmt), added(hoaPhu)])
      .when(importing([dakLak, bmt, hoaPhu]))
      .then([]);
  });

  it('records a changed name as a rename', () => {
    spec
      .given([opened, added(dakLak), added(bmt)])
      .when(importing([dakLak, { ...bmt, name: 'TP. Buôn Ma Thuột' }]))
      .then([
        {
          type: 'UnitRenamed',
          data: { code: '643', name: 'TP. Buôn Ma Thuột', previousName: 'Thành phố Buôn Ma Thuột' },
        },
      ]);
  });

  it('records a new parent or level as a move and a new type as a reclassification', () => {
    const moved: UnitRow = { ...hoaPhu, type: 'Phường', level: 2, parentCode: '66' };
    spec
      .given([opened, added(dakLak), added(bmt), added(hoaPhu)])
      .when(importing([dakLak, bmt, moved]))
      .then([
        { type: 'UnitReclassified', data: { code: '24172', type: 'Phường', previousType: 'Xã' } },
        { type: 'UnitMoved', data: { code: '24172', level: 2, parentCode: '66' } },
      ]);
  });

  it('retires units the list no longer names', () => {
    spec
      .given([opened, added(dakLak), added(bmt), added(hoaPhu)])
      .when(importing([dakLak]))
      .then([
        { type: 'UnitRetired', data: { code: '24172' } },
        { type: 'UnitRetired', data: { code: '643' } },
      ]);
  });

  it('refuses a different effective date for the same tree version', () => {
    spec
      .given([opened, added(dakLak)])
      .when(importing([dakLak], '2025-07-01'))
      .thenRefused('effective_date_mismatch', 'effectiveFrom');
  });

  it('refuses a malformed effective date and an empty list', () => {
    spec
      .given([])
      .when(importing([dakLak], '01/07/2025'))
      .thenRefused('invalid_effective_date', 'effectiveFrom');
    spec.given([]).when(importing([])).thenRefused('empty_unit_list', 'units');
  });
});
