// A member as the event store knows them: a pseudonymous id that exists, and whether their personal
// data was erased. Name, phone and year of birth live only in member_personal_data.

export type MemberEvent =
  | { type: 'MemberRegistered'; data: { memberId: string } }
  | { type: 'MemberPersonalDataErased'; data: { memberId: string; erasedAt: string } };

export type MemberCommand =
  { type: 'RegisterMember'; memberId: string } | { type: 'ErasePersonalData'; memberId: string; at: string };

export type MemberState = { readonly status: 'unregistered' | 'registered' | 'erased' };

export const initialMember = (): MemberState => ({ status: 'unregistered' });

export const memberStream = (memberId: string): string => `member-${memberId}`;
