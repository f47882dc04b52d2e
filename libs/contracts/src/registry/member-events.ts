import Type from 'typebox';
import { publicEvent, publicTopics } from '../public-event.ts';
import { MemberId } from './schema-parts.ts';

// Partners that copied anything about a member (they should not have personal data, but may hold
// their own) learn here that the person asked to be forgotten.
export const MemberPersonalDataErasedV1 = publicEvent({
  type: 'vn.nhip.registry.member.personal-data-erased.v1',
  topic: publicTopics.registryMember,
  keyField: 'memberId',
  summary: "A member's name, phone and year of birth were erased on request; the pseudonymous id remains.",
  schema: Type.Object({ memberId: MemberId, erasedAt: Type.String({ format: 'date-time' }) }),
});

export const memberEvents = [MemberPersonalDataErasedV1] as const;
