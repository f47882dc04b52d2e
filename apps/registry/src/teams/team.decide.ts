// The rules a team leader would expect: a team exists once, on a unit of the tree in force, by a
// decision already taken; the leader is one of its members; nobody is a member twice; a dissolved
// team is history and changes no more; a team moves only within its commune, or into the commune that
// replaced its own after a reform. Asking for what already holds decides nothing.
import { DomainRuleViolation } from '@nhip/decider';
import type { ServedUnit, TeamCommand, TeamEvent, TeamState } from './team.ts';

type Registered = Exclude<TeamState, { status: 'unregistered' }>;
type Of<T extends TeamCommand['type']> = Extract<TeamCommand, { type: T }>;

type Change = Exclude<TeamCommand['type'], 'RegisterTeam'>;

const changes: { [T in Change]: (command: Of<T>, team: Registered) => TeamEvent[] } = {
  RenameTeam: (command, team) =>
    command.name === team.name
      ? []
      : [{ type: 'TeamRenamed', data: { teamId: team.teamId, name: command.name, previousName: team.name } }],
  AssignLeader: assignLeader,
  AddMember: addMember,
  RemoveMember: removeMember,
  SuspendTeam: (command, team) =>
    team.status === 'suspended'
      ? []
      : [{ type: 'TeamSuspended', data: { teamId: team.teamId, reason: command.reason } }],
  ReinstateTeam: (_command, team) =>
    team.status === 'active' ? [] : [{ type: 'TeamReinstated', data: { teamId: team.teamId } }],
  DissolveTeam: (command, team) => [
    { type: 'TeamDissolved', data: { teamId: team.teamId, reason: command.reason } },
  ],
  MoveTeam: moveTeam,
};

export function decideTeam(command: TeamCommand, state: TeamState): TeamEvent[] {
  if (command.type === 'RegisterTeam') return register(command, state);
  // TypeScript cannot pair a command with its handler through the union; the table's type does.
  const change = changes[command.type] as (command: TeamCommand, team: Registered) => TeamEvent[];
  return change(command, changeable(state));
}

function register(command: Of<'RegisterTeam'>, state: TeamState): TeamEvent[] {
  if (state.status !== 'unregistered') {
    throw new DomainRuleViolation(
      'team_already_registered',
      `Team ${command.teamId} is already registered.`,
      'teamId',
    );
  }
  if (command.unit === undefined) {
    throw new DomainRuleViolation(
      'unknown_unit',
      `No unit ${command.unitCode} in the unit tree in force today: check the code, or register the village first.`,
      'unitCode',
    );
  }
  if (command.decision.date > command.today) {
    throw new DomainRuleViolation(
      'decision_date_in_future',
      `The decision is dated ${command.decision.date}, after today (${command.today}): register the team once it is decided.`,
      'decision.date',
    );
  }
  const { teamId, name, teamType, unit, decision } = command;
  return [{ type: 'TeamRegistered', data: { teamId, name, teamType, unit, decision } }];
}

function changeable(state: TeamState): Registered {
  if (state.status === 'unregistered') {
    throw new DomainRuleViolation('team_not_found', 'No such team: register it first.', 'teamId');
  }
  if (state.status === 'dissolved') {
    throw new DomainRuleViolation(
      'team_dissolved',
      `Team "${state.name}" is dissolved and can no longer change; register a new team instead.`,
      'teamId',
    );
  }
  return state;
}

function assignLeader(command: Of<'AssignLeader'>, team: Registered): TeamEvent[] {
  if (!team.members.has(command.memberId)) {
    throw new DomainRuleViolation(
      'leader_not_member',
      `Member ${command.memberId} is not in team "${team.name}": add them to the team first.`,
      'memberId',
    );
  }
  if (team.leaderId === command.memberId) return [];
  return [{ type: 'TeamLeaderAssigned', data: { teamId: team.teamId, memberId: command.memberId } }];
}

function addMember(command: Of<'AddMember'>, team: Registered): TeamEvent[] {
  if (!command.memberRegistered) {
    throw new DomainRuleViolation(
      'unknown_member',
      `No member ${command.memberId}: register the person (POST /members) first.`,
      'memberId',
    );
  }
  if (team.members.has(command.memberId)) {
    throw new DomainRuleViolation(
      'member_already_in_team',
      `Member ${command.memberId} is already in team "${team.name}".`,
      'memberId',
    );
  }
  const { memberId, role, affiliation } = command;
  return [{ type: 'MemberAdded', data: { teamId: team.teamId, memberId, role, affiliation } }];
}

function removeMember(command: Of<'RemoveMember'>, team: Registered): TeamEvent[] {
  if (!team.members.has(command.memberId)) {
    throw new DomainRuleViolation(
      'member_not_in_team',
      `Member ${command.memberId} is not in team "${team.name}".`,
      'memberId',
    );
  }
  if (team.leaderId === command.memberId) {
    throw new DomainRuleViolation(
      'cannot_remove_leader',
      'This member leads the team: assign another leader before removing them.',
      'memberId',
    );
  }
  return [
    {
      type: 'MemberRemoved',
      data: { teamId: team.teamId, memberId: command.memberId, reason: command.reason },
    },
  ];
}

/**
 * A team moves between villages of its commune, or, after a reform, into the commune of the tree in
 * force that replaced its own (the recorded lineage): anything else is a new team's work.
 */
function moveTeam(command: Of<'MoveTeam'>, team: Registered): TeamEvent[] {
  const unit = unitInForce(command);
  if (unit.treeVersion === team.unit.treeVersion && unit.code === team.unit.code) return [];
  requireWhereSeen(command, team);
  requireReachable(command, unit, team);
  return [
    {
      type: 'TeamMoved',
      data: { teamId: team.teamId, unit, previousUnit: team.unit, reason: command.reason },
    },
  ];
}

function requireWhereSeen({ from }: Of<'MoveTeam'>, team: Registered): void {
  if (!from || (from.treeVersion === team.unit.treeVersion && from.code === team.unit.code)) return;
  throw new DomainRuleViolation(
    'moved_meanwhile',
    `Team "${team.name}" was moved to ${team.unit.code} (${team.unit.treeVersion}) after this move was planned from ${from.code}: it stays where it was put.`,
    'teamId',
  );
}

function unitInForce(command: Of<'MoveTeam'>): ServedUnit {
  if (command.unit === undefined || command.communeOfUnit === undefined) {
    throw new DomainRuleViolation(
      'unknown_unit',
      `No unit ${command.unitCode} in the unit tree in force today: check the code, or register the village first.`,
      'unitCode',
    );
  }
  return command.unit;
}

function requireReachable(command: Of<'MoveTeam'>, unit: ServedUnit, team: Registered): void {
  const { communeOfUnit, communeOfTeam, successorsOfTeamCommune } = command;
  if (unit.treeVersion === team.unit.treeVersion) {
    if (communeOfUnit === communeOfTeam) return;
    throw new DomainRuleViolation(
      'other_commune',
      `Team "${team.name}" works in commune ${communeOfTeam} and unit ${unit.code} is in commune ${communeOfUnit}: a team moves only between villages of its commune; register a new team there instead.`,
      'unitCode',
    );
  }
  if (successorsOfTeamCommune.includes(communeOfUnit ?? '')) return;
  const successors =
    successorsOfTeamCommune.length > 0
      ? `the commune(s) that replaced it: ${successorsOfTeamCommune.join(', ')}`
      : `no commune recorded as replacing it: record the reform's lineage (POST /unit-trees/${unit.treeVersion}/lineage) first`;
  throw new DomainRuleViolation(
    'not_a_successor',
    `Unit ${unit.code} is in commune ${communeOfUnit}, which did not replace commune ${communeOfTeam} of tree ${team.unit.treeVersion} where team "${team.name}" works; the tree in force has ${successors}.`,
    'unitCode',
  );
}
