import type { TeamEvent, TeamState } from './team.ts';

type Registered = Exclude<TeamState, { status: 'unregistered' }>;
type MembershipEvent = Extract<TeamEvent, { type: 'TeamLeaderAssigned' | 'MemberAdded' | 'MemberRemoved' }>;

export function evolveTeam(state: TeamState, event: TeamEvent): TeamState {
  if (event.type === 'TeamRegistered') {
    const { teamId, name, unit } = event.data;
    return { status: 'active', teamId, name, unit, leaderId: undefined, members: new Map() };
  }
  if (state.status === 'unregistered') return state;
  switch (event.type) {
    case 'TeamRenamed':
      return { ...state, name: event.data.name };
    case 'TeamSuspended':
      return { ...state, status: 'suspended' };
    case 'TeamReinstated':
      return { ...state, status: 'active' };
    case 'TeamDissolved':
      return { ...state, status: 'dissolved' };
    case 'TeamMoved':
      return { ...state, unit: event.data.unit };
    default:
      return evolveMembership(state, event);
  }
}

function evolveMembership(state: Registered, event: MembershipEvent): Registered {
  switch (event.type) {
    case 'TeamLeaderAssigned':
      return { ...state, leaderId: event.data.memberId };
    case 'MemberAdded': {
      const { memberId, role, affiliation } = event.data;
      return { ...state, members: new Map(state.members).set(memberId, { role, affiliation }) };
    }
    case 'MemberRemoved': {
      const members = new Map(state.members);
      members.delete(event.data.memberId);
      return { ...state, members };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
