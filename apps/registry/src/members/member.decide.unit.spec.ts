import { describe, it } from '@jest/globals';
import { deciderSpec } from '@nhip/decider';
import { memberDecider } from './member.decider.ts';
import type { MemberEvent } from './member.ts';

const spec = deciderSpec(memberDecider);
const memberId = '0b8f5d7e-3c21-4f6a-8e90-5a4b3c2d1e0f';
const registered: MemberEvent = { type: 'MemberRegistered', data: { memberId } };
const at = '2026-11-23T08:00:00.000Z';
const erased: MemberEvent = { type: 'MemberPersonalDataErased', data: { memberId, erasedAt: at } };

describe('a member and their personal data', () => {
  it('registers a pseudonymous id once', () => {
    spec.given([]).when({ type: 'RegisterMember', memberId }).then([registered]);
    spec
      .given([registered])
      .when({ type: 'RegisterMember', memberId })
      .thenRefused('member_already_registered');
  });

  it('erases personal data on request, once', () => {
    spec.given([registered]).when({ type: 'ErasePersonalData', memberId, at }).then([erased]);
    spec.given([registered, erased]).when({ type: 'ErasePersonalData', memberId, at }).then([]);
  });

  it('refuses erasing a member nobody registered', () => {
    spec
      .given([])
      .when({ type: 'ErasePersonalData', memberId, at })
      .thenRefused('member_not_found', 'memberId');
  });
});
