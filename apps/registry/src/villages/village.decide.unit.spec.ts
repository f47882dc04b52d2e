import { describe, expect, it } from '@jest/globals';
import { DomainRuleViolation } from '@nhip/decider';
import { decideVillages } from './village.decide.ts';
import { evolveVillages } from './village.evolve.ts';
import { initialVillages, type CommuneFacts, type VillageEvent } from './village.ts';

const commune: CommuneFacts = {
  code: '24328',
  name: 'Xã Ea Drông',
  level: 2,
  path: ['66', '24328'],
  officialChildren: 0,
};
const base = { treeVersion: 'vn-2025', communeCode: '24328', commune };

describe('registering several villages in one decision', () => {
  const first = decideVillages(
    { ...base, type: 'RegisterVillage', name: 'Buôn Drông', villageType: 'Buôn' },
    initialVillages(),
  );
  const state = first.reduce(evolveVillages, initialVillages());

  it('numbers them on from the commune’s last, each as if registered alone', () => {
    const events = decideVillages(
      {
        ...base,
        type: 'RegisterVillages',
        villages: [
          { name: 'Buôn Ea Siên', villageType: 'Buôn' },
          { name: 'Thôn 3', villageType: 'Thôn' },
        ],
      },
      state,
    );
    const registered = events.flatMap((e: VillageEvent) => (e.type === 'VillageRegistered' ? [e.data] : []));
    expect(registered.map((d) => [d.code, d.name, d.path])).toEqual([
      ['24328-002', 'Buôn Ea Siên', ['66', '24328', '24328-002']],
      ['24328-003', 'Thôn 3', ['66', '24328', '24328-003']],
    ]);
    expect(decideVillages({ ...base, type: 'RegisterVillages', villages: [] }, state)).toEqual([]);
  });

  it('refuses the whole list when one name is there already or twice in it', () => {
    const again = (names: string[]) => () =>
      decideVillages(
        { ...base, type: 'RegisterVillages', villages: names.map((name) => ({ name, villageType: 'Thôn' })) },
        state,
      );
    expect(again(['Thôn 3', 'buôn drông'])).toThrow(DomainRuleViolation);
    expect(again(['Thôn 3', 'thôn 3'])).toThrow(/already has "thôn 3"/);
  });

  it('retires a village taken over by a later tree’s once, and refuses one it never had', () => {
    const retire = (code: string) => ({
      type: 'RetireVillages' as const,
      treeVersion: 'vn-2025',
      communeCode: '24328',
      villages: [{ code, carriedTo: { treeVersion: 'vn-2027', code: '24400-001' }, reason: 'Sắp xếp' }],
    });
    const retired = decideVillages(retire('24328-001'), state);
    expect(retired.map((e) => e.type)).toEqual(['VillageRetired']);
    const after = retired.reduce(evolveVillages, state);
    expect(decideVillages(retire('24328-001'), after)).toEqual([]);
    expect(() => decideVillages(retire('24328-009'), after)).toThrow(/No village 24328-009/);
    // Its number stays taken: the next village is numbered after it.
    const next = decideVillages(
      { ...base, type: 'RegisterVillage', name: 'Thôn 9', villageType: 'Thôn' },
      after,
    );
    expect(next.map((e) => e.data.code)).toEqual(['24328-002']);
  });
});
