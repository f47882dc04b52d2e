import type { MemberEvent, MemberState } from './member.ts';

export function evolveMember(_state: MemberState, event: MemberEvent): MemberState {
  return { status: event.type === 'MemberRegistered' ? 'registered' : 'erased' };
}
