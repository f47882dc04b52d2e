// The rules a team leader would expect: a team exists once, on a unit of the tree in force, by a
// decision already taken; the leader is one of its members; nobody is a member twice; a dissolved
// team is history and changes no more. Asking for what already holds decides nothing.
import { DomainRuleViolation } from '@nhip/decider';
import type { TeamCommand, TeamEvent, TeamState } from './team.ts';

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
