import { describe, it } from '@jest/globals';
import { deciderSpec } from '@nhip/decider';
import { teamDecider } from './team.decider.ts';
import type { TeamCommand, TeamEvent } from './team.ts';

const spec = deciderSpec(teamDecider);
const teamId = '6f1c2a4e-8b0d-4c3e-9a57-2d6f3b1e9c10';
const village = { treeVersion: 'vn-2024', code: '24172-001', path: ['66', '643', '24172', '24172-001'] };
const decision = { number: '125/QĐ-UBND', date: '2022-04-15' };
const lan = '0b8f5d7e-3c21-4f6a-8e90-5a4b3c2d1e0f';
const minh = '1c9a6e8f-4d32-4a7b-9fa1-6b5c4d3e2f10';

const buildRegister = (
  overrides: Partial<Extract<TeamCommand, { type: 'RegisterTeam' }>> = {},
): TeamCommand => ({
  type: 'RegisterTeam',
  teamId,
  name: 'Tổ công nghệ số cộng đồng thôn 1',
  teamType: 'community_digital_technology',
  unitCode: village.code,
  unit: village,
  decision,
  today: '2022-05-01',
  ...overrides,
});
const registered: TeamEvent = {
  type: 'TeamRegistered',
  data: {
    teamId,
    name: 'Tổ công nghệ số cộng đồng thôn 1',
    teamType: 'community_digital_technology',
    unit: village,
    decision,
  },
};
const added = (memberId: string): TeamEvent => ({
  type: 'MemberAdded',
  data: { teamId, memberId, role: 'member', affiliation: 'village_head' },
});
const addMember = (memberId: string, memberRegistered = true): TeamCommand => ({
  type: 'AddMember',
  memberId,
  role: 'member',
  affiliation: 'village_head',
  memberRegistered,
});
const led: TeamEvent = { type: 'TeamLeaderAssigned', data: { teamId, memberId: lan } };
const dissolved: TeamEvent = { type: 'TeamDissolved', data: { teamId, reason: 'Sáp nhập thôn' } };

describe('registering a team', () => {
  it('registers it on a unit of the tree in force, by a decision already taken', () => {
    spec.given([]).when(buildRegister()).then([registered]);
  });

  it('accepts a decision dated today', () => {
    spec
      .given([])
      .when(buildRegister({ decision: { ...decision, date: '2022-05-01' } }))
      .then([
        {
          ...registered,
          data: { ...registered.data, decision: { ...decision, date: '2022-05-01' } },
        },
      ]);
  });

  it('refuses a decision dated in the future', () => {
    spec
      .given([])
      .when(buildRegister({ decision: { ...decision, date: '2022-05-02' } }))
      .thenRefused('decision_date_in_future', 'decision.date');
  });

  it('refuses a unit that is not in the tree in force', () => {
    spec
      .given([])
      .when(buildRegister({ unitCode: '99999', unit: undefined }))
      .thenRefused('unknown_unit', 'unitCode');
  });

  it('refuses registering the same team twice', () => {
    spec.given([registered]).when(buildRegister()).thenRefused('team_already_registered', 'teamId');
  });
});

describe('membership', () => {
  it('adds a registered person as a member', () => {
    spec
      .given([registered])
      .when(addMember(lan))
      .then([added(lan)]);
  });

  it('refuses the same member twice', () => {
    spec
      .given([registered, added(lan)])
      .when(addMember(lan))
      .thenRefused('member_already_in_team', 'memberId');
  });

  it('refuses a member id nobody registered', () => {
    spec.given([registered]).when(addMember(lan, false)).thenRefused('unknown_member', 'memberId');
  });

  it('removes a member with the reason', () => {
    spec
      .given([registered, added(lan), added(minh), led])
      .when({ type: 'RemoveMember', memberId: minh, reason: 'Chuyển công tác' })
      .then([{ type: 'MemberRemoved', data: { teamId, memberId: minh, reason: 'Chuyển công tác' } }]);
  });

  it('refuses removing someone who is not a member', () => {
    spec
      .given([registered, added(lan)])
      .when({ type: 'RemoveMember', memberId: minh, reason: '' })
      .thenRefused('member_not_in_team', 'memberId');
  });

  it('refuses removing the leader until another leader is assigned', () => {
    spec
      .given([registered, added(lan), led])
      .when({ type: 'RemoveMember', memberId: lan, reason: '' })
      .thenRefused('cannot_remove_leader', 'memberId');
  });

  it('lets a removed member join again', () => {
    spec
      .given([registered, added(lan), { type: 'MemberRemoved', data: { teamId, memberId: lan, reason: '' } }])
      .when(addMember(lan))
      .then([added(lan)]);
  });
});

describe('leadership', () => {
  it('makes a member the leader', () => {
    spec
      .given([registered, added(lan)])
      .when({ type: 'AssignLeader', memberId: lan })
      .then([led]);
  });

  it('refuses a leader who is not a member', () => {
    spec
      .given([registered, added(lan)])
      .when({ type: 'AssignLeader', memberId: minh })
      .thenRefused('leader_not_member', 'memberId');
  });

  it('decides nothing when the member already leads', () => {
    spec
      .given([registered, added(lan), led])
      .when({ type: 'AssignLeader', memberId: lan })
      .then([]);
  });
});

describe('lifecycle', () => {
  it('renames, and decides nothing for the same name', () => {
    spec
      .given([registered])
      .when({ type: 'RenameTeam', name: 'Tổ CNSCĐ thôn 1' })
      .then([
        {
          type: 'TeamRenamed',
          data: { teamId, name: 'Tổ CNSCĐ thôn 1', previousName: registered.data.name },
        },
      ]);
    spec.given([registered]).when({ type: 'RenameTeam', name: 'Tổ công nghệ số cộng đồng thôn 1' }).then([]);
  });

  it('suspends and reinstates, each once', () => {
    const suspended: TeamEvent = { type: 'TeamSuspended', data: { teamId, reason: 'Kiện toàn lại tổ' } };
    spec.given([registered]).when({ type: 'SuspendTeam', reason: 'Kiện toàn lại tổ' }).then([suspended]);
    spec.given([registered, suspended]).when({ type: 'SuspendTeam', reason: 'again' }).then([]);
    spec
      .given([registered, suspended])
      .when({ type: 'ReinstateTeam' })
      .then([{ type: 'TeamReinstated', data: { teamId } }]);
    spec.given([registered]).when({ type: 'ReinstateTeam' }).then([]);
  });

  it('dissolves a team', () => {
    spec.given([registered]).when({ type: 'DissolveTeam', reason: 'Sáp nhập thôn' }).then([dissolved]);
  });

  it.each<TeamCommand>([
    { type: 'RenameTeam', name: 'Tổ mới' },
    { type: 'AssignLeader', memberId: lan },
    addMember(minh),
    { type: 'RemoveMember', memberId: lan, reason: '' },
    { type: 'SuspendTeam', reason: '' },
    { type: 'ReinstateTeam' },
    { type: 'DissolveTeam', reason: '' },
  ])('refuses any change to a dissolved team: $type', (command) => {
    spec
      .given([registered, added(lan), dissolved])
      .when(command)
      .thenRefused('team_dissolved', 'teamId');
  });

  it('refuses changes to a team that was never registered', () => {
    spec.given([]).when({ type: 'RenameTeam', name: 'Tổ' }).thenRefused('team_not_found', 'teamId');
  });
});

describe('moving a team', () => {
  // Hòa Phú (24172, vn-2024) became commune 24175 of the 2025 tree.
  const commune2025 = { treeVersion: 'vn-2025', code: '24175', path: ['66', '24175'] };
  const move = (overrides: Partial<Extract<TeamCommand, { type: 'MoveTeam' }>> = {}): TeamCommand => ({
    type: 'MoveTeam',
    unitCode: commune2025.code,
    unit: commune2025,
    communeOfUnit: '24175',
    communeOfTeam: '24172',
    successorsOfTeamCommune: ['24175'],
    reason: 'Sáp nhập xã',
    ...overrides,
  });
  const moved = (unit: typeof village, previousUnit = village): TeamEvent => ({
    type: 'TeamMoved',
    data: { teamId, unit, previousUnit, reason: 'Sáp nhập xã' },
  });

  it('moves it into the commune of the tree in force that replaced its own, or a village of it', () => {
    spec
      .given([registered, added(lan)])
      .when(move())
      .then([moved(commune2025)]);
    const newVillage = { treeVersion: 'vn-2025', code: '24175-004', path: ['66', '24175', '24175-004'] };
    spec
      .given([registered])
      .when(move({ unitCode: newVillage.code, unit: newVillage }))
      .then([moved(newVillage)]);
  });

  it('moves a suspended team too, and decides nothing for the unit it already serves', () => {
    const suspended: TeamEvent = { type: 'TeamSuspended', data: { teamId, reason: 'Tạm dừng' } };
    spec
      .given([registered, suspended])
      .when(move())
      .then([moved(commune2025)]);
    spec
      .given([registered, moved(commune2025)])
      .when(move())
      .then([]);
  });

  it('leaves a team where a person put it after a carry-over planned its move from elsewhere', () => {
    const planned = { from: { treeVersion: village.treeVersion, code: village.code } };
    const intoVillage = { treeVersion: 'vn-2025', code: '24175-001', path: ['66', '24175', '24175-001'] };
    spec
      .given([registered])
      .when(move({ ...planned, unitCode: intoVillage.code, unit: intoVillage }))
      .then([moved(intoVillage)]);
    // Moved by hand into the commune meanwhile: the carry-over's move into 24175-001 is refused,
    // also where the former commune's code is the new one's, so the move would pass as one within
    // the commune and undo the person's choice.
    spec
      .given([registered, moved(commune2025)])
      .when(move({ ...planned, unitCode: intoVillage.code, unit: intoVillage, communeOfTeam: '24175' }))
      .thenRefused('moved_meanwhile', 'teamId');
    spec
      .given([registered, moved(intoVillage)])
      .when(move({ ...planned, unitCode: intoVillage.code, unit: intoVillage }))
      .then([]);
  });

  it('refuses a commune that did not replace its own, naming those that did or the lineage to record', () => {
    const elsewhere = { treeVersion: 'vn-2025', code: '24343', path: ['66', '24343'] };
    spec
      .given([registered])
      .when(move({ unitCode: '24343', unit: elsewhere, communeOfUnit: '24343' }))
      .thenRefused('not_a_successor', 'unitCode');
    spec
      .given([registered])
      .when(move({ successorsOfTeamCommune: [] }))
      .thenRefused('not_a_successor', 'unitCode');
  });

  it('moves it between villages of its commune within one tree, and not to another commune', () => {
    const neighbour = {
      treeVersion: 'vn-2024',
      code: '24172-002',
      path: ['66', '643', '24172', '24172-002'],
    };
    const within = {
      unitCode: neighbour.code,
      unit: neighbour,
      communeOfUnit: '24172',
      successorsOfTeamCommune: [],
    };
    spec
      .given([registered])
      .when(move(within))
      .then([moved(neighbour)]);
    const other = { treeVersion: 'vn-2024', code: '24355', path: ['66', '650', '24355'] };
    spec
      .given([registered])
      .when(move({ ...within, unitCode: '24355', unit: other, communeOfUnit: '24355' }))
      .thenRefused('other_commune', 'unitCode');
  });

  it('refuses a unit not in the tree in force, and any move of a dissolved team', () => {
    spec
      .given([registered])
      .when(move({ unitCode: '99999', unit: undefined, communeOfUnit: undefined }))
      .thenRefused('unknown_unit', 'unitCode');
    spec.given([registered, dissolved]).when(move()).thenRefused('team_dissolved', 'teamId');
  });
});
