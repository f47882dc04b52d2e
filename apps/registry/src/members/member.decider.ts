import type { Decider } from '@nhip/decider';
import { decideMember } from './member.decide.ts';
import { evolveMember } from './member.evolve.ts';
import { initialMember, type MemberCommand, type MemberEvent, type MemberState } from './member.ts';

export const memberDecider: Decider<MemberCommand, MemberEvent, MemberState> = {
  initialState: initialMember,
  decide: decideMember,
  evolve: evolveMember,
};
