import { describe, it } from '@jest/globals';
import { deciderSpec } from '@nhip/decider';
import { groupingDecider, type DefineGrouping, type GroupingEvent } from './grouping.ts';

const define = (changes: Partial<DefineGrouping> = {}): DefineGrouping => ({
  type: 'DefineGrouping',
  code: 'ven-bien',
  name: 'Các phường ven biển',
  treeVersion: 'vn-2024',
  units: ['20206', '20207'],
  unknown: [],
  definedBy: 'ioc-da-nang',
  definedAt: '2026-12-03T10:00:00.000Z',
  ...changes,
});

const defined: GroupingEvent = {
  type: 'GroupingDefined',
  data: {
    code: 'ven-bien',
    name: 'Các phường ven biển',
    treeVersion: 'vn-2024',
    units: ['20206', '20207'],
    definedBy: 'ioc-da-nang',
    definedAt: '2026-12-03T10:00:00.000Z',
  },
};

const spec = deciderSpec(groupingDecider);

describe('a named grouping', () => {
  it('is defined once, with its units and who defined it', () => {
    spec.given([]).when(define()).then([defined]);
  });

  it('refuses a second definition under the same code', () => {
    spec
      .given([defined])
      .when(define({ name: 'Khác' }))
      .thenRefused('grouping_already_registered', 'code');
  });

  it('refuses a unit the tree does not have, naming its place in the request', () => {
    spec
      .given([])
      .when(define({ units: ['20206', '99999'], unknown: [{ index: 1, code: '99999' }] }))
      .thenRefused('unit_unknown', 'units[1]');
  });

  it('refuses a unit listed twice', () => {
    spec
      .given([])
      .when(define({ units: ['20206', '20207', '20206'] }))
      .thenRefused('unit_repeated', 'units[2]');
  });
});
