import { DomainRuleViolation } from '@nhip/decider';
import type { MemberCommand, MemberEvent, MemberState } from './member.ts';

export function decideMember(command: MemberCommand, state: MemberState): MemberEvent[] {
  if (command.type === 'RegisterMember') {
    if (state.status !== 'unregistered') {
      throw new DomainRuleViolation(
        'member_already_registered',
        `Member ${command.memberId} exists.`,
        'memberId',
      );
    }
    return [{ type: 'MemberRegistered', data: { memberId: command.memberId } }];
  }
  if (state.status === 'unregistered') {
    throw new DomainRuleViolation('member_not_found', `No member ${command.memberId}.`, 'memberId');
  }
  // Erasing twice is not an error: the person asked again, the data is already gone.
  if (state.status === 'erased') return [];
  return [{ type: 'MemberPersonalDataErased', data: { memberId: command.memberId, erasedAt: command.at } }];
}
