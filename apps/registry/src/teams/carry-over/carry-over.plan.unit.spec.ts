// What Xã Ea Drông of the 2025 tree takes over (the real 2024→2025 lineage of Đắk Lắk): Xã Ea Drông
// and Xã Ea Siên of 2024 in whole, and part of Xã Ea D'Rơng, which was divided with Xã Cuôr Đăng.
import { describe, expect, it } from '@jest/globals';
import { DomainRuleViolation } from '@nhip/decider';
import { planCarryOver } from './carry-over.plan.ts';
import type { CarryOverFacts, Village, WaitingTeam } from './carry-over.queries.ts';

const village = (communeCode: string, n: number, name: string): Village => ({
  treeVersion: 'vn-2024',
  code: `${communeCode}-00${n}`,
  name,
  type: name.split(' ')[0] ?? 'Thôn',
  path: ['66', '644', communeCode, `${communeCode}-00${n}`],
  communeCode,
  carriedTo: null,
});

const team = (teamId: string, communeCode: string, unitCode = communeCode): WaitingTeam => ({
  teamId,
  name: `Tổ công nghệ số cộng đồng ${unitCode}`,
  treeVersion: 'vn-2024',
  unitCode,
  unitPath: ['66', '644', communeCode, ...(unitCode === communeCode ? [] : [unitCode])],
  communeCode,
});

const facts: CarryOverFacts = {
  treeVersion: 'vn-2025',
  effectiveFrom: '2025-07-01',
  commune: {
    code: '24328',
    name: 'Xã Ea Drông',
    type: 'Xã',
    level: 2,
    parentCode: '66',
    origin: 'official',
    path: ['66', '24328'],
    officialChildren: 0,
  },
  formers: [
    { treeVersion: 'vn-2024', code: '24292', name: "Xã Ea D'Rơng", successors: ['24301', '24328'] },
    { treeVersion: 'vn-2024', code: '24328', name: 'Xã Ea Drông', successors: ['24328'] },
    { treeVersion: 'vn-2024', code: '24334', name: 'Xã Ea Siên', successors: ['24328'] },
  ],
  formerVillages: [
    village('24292', 1, 'Thôn 3'),
    village('24328', 1, 'Buôn Drông'),
    village('24328', 2, 'Thôn 1'),
    village('24334', 1, 'thôn 1'),
    village('24334', 2, 'Buôn Ea Siên'),
  ],
  villages: [
    { ...village('24328', 1, 'Buôn  Drông'), treeVersion: 'vn-2025', path: ['66', '24328', '24328-001'] },
  ],
  teams: [
    team('t-split', '24292', '24292-001'),
    team('t-existing', '24328', '24328-001'),
    team('t-namesake', '24328', '24328-002'),
    team('t-commune', '24334'),
    team('t-new-village', '24334', '24334-002'),
    team('t-elsewhere', '24334'),
  ],
};

describe('a commune formed by a reform takes over what the communes it replaced had', () => {
  const plan = planCarryOver(facts, (t) => t.teamId !== 't-elsewhere');

  it('takes the villages of the communes it replaced in whole, by name', () => {
    expect(plan.formers.map((f) => [f.code, f.whole])).toEqual([
      ['24292', false],
      ['24328', true],
      ['24334', true],
    ]);
    expect(plan.villages.map((v) => [v.from.code, v.action, v.to, v.because])).toEqual([
      ['24292-001', 'left', null, 'split'],
      ['24328-001', 'exists', '24328-001', null],
      ['24328-002', 'left', null, 'name_taken'],
      ['24334-001', 'left', null, 'name_taken'],
      ['24334-002', 'register', null, null],
    ]);
    expect(plan.villages[2]?.why).toContain('24334-001');
    expect(plan.villages[0]?.why).toContain('24301, 24328');
  });

  it('moves each team to its village’s counterpart or to the commune, and says why the rest stay', () => {
    expect(plan.teams.map((t) => [t.team.teamId, t.action, t.to, t.because])).toEqual([
      ['t-split', 'left', null, 'split'],
      ['t-existing', 'move', { code: '24328-001', villageName: 'Buôn Drông' }, null],
      ['t-namesake', 'left', null, 'village_left'],
      ['t-commune', 'move', { code: '24328', villageName: null }, null],
      ['t-new-village', 'move', { code: null, villageName: 'Buôn Ea Siên' }, null],
      ['t-elsewhere', 'left', null, 'outside_area'],
    ]);
    expect(plan.teams[0]?.movesTo).toEqual(['24301', '24328']);
    expect(plan.teams[2]?.why).toContain('24328-002');
  });

  it('places the villages a person linked, and their teams, even from a divided commune', () => {
    const ownThôn = {
      ...village('24328', 5, 'Thôn 3'),
      treeVersion: 'vn-2025',
      path: ['66', '24328', '24328-005'],
    };
    const linked = planCarryOver({ ...facts, villages: [...facts.villages, ownThôn] }, () => true, [
      { from: '24292-001', to: '24328-005' },
      { from: '24328-002', to: '24328-005' },
    ]);
    expect(linked.villages.filter((v) => v.action === 'linked').map((v) => [v.from.code, v.to])).toEqual([
      ['24292-001', '24328-005'],
      ['24328-002', '24328-005'],
    ]);
    expect(linked.teams.slice(0, 3).map((t) => [t.team.teamId, t.action, t.to?.code])).toEqual([
      ['t-split', 'move', '24328-005'],
      ['t-existing', 'move', '24328-001'],
      ['t-namesake', 'move', '24328-005'],
    ]);
    // Left alone, a team of the divided commune itself still waits for a person.
    const splitCommune = planCarryOver({ ...facts, teams: [team('t-of-24292', '24292')] }, () => true, [
      { from: '24292-001', to: '24328-001' },
    ]);
    expect(splitCommune.teams.map((t) => t.because)).toEqual(['split']);
  });

  it('refuses a link that cannot be, naming each one at fault', () => {
    const refusal = (links: { from: string; to: string }[]) => {
      try {
        planCarryOver(facts, () => true, links);
      } catch (e) {
        if (e instanceof DomainRuleViolation) return e.problems.map((p) => [p.code, p.field]);
      }
      return [];
    };
    expect(
      refusal([
        { from: '24301-001', to: '24328-001' },
        { from: '24334-002', to: '24328-009' },
        { from: '24292-001', to: '24328-001' },
        { from: '24292-001', to: '24328-001' },
      ]),
    ).toEqual([
      ['unknown_unit', 'villages[0].from'],
      ['not_left', 'villages[1].from'],
      ['unknown_unit', 'villages[1].to'],
      ['duplicate', 'villages[3].from'],
    ]);
  });

  it('shows a village taken over before as carried, and moves a team still there after it', () => {
    const carriedTo = { treeVersion: 'vn-2025', code: '24328-001' };
    const formerVillages = facts.formerVillages.map((v) =>
      v.code === '24292-001' ? { ...v, carriedTo } : v,
    );
    const again = planCarryOver({ ...facts, formerVillages }, () => true);
    expect([again.villages[0]?.action, again.villages[0]?.to, again.teams[0]?.to?.code]).toEqual([
      'carried',
      '24328-001',
      '24328-001',
    ]);
  });

  it('has nothing to do once everything was taken over', () => {
    const done = planCarryOver({ ...facts, formerVillages: [], teams: [] }, () => true);
    expect([done.villages, done.teams]).toEqual([[], []]);
  });
});
