// Personal data is not derived from events: these tables are the only place names live, so they
// are state to migrate with care, never to rebuild (docs/adr/0009).
import { EntitySchema } from 'typeorm';

export interface MemberPersonalDataRow {
  memberId: string;
  fullName: string | null;
  phone: string | null;
  birthYear: number | null;
  registeredAt: Date;
  /** Set when the member asked to be forgotten; the other fields are then null. */
  erasedAt: Date | null;
}
export const MemberPersonalData = new EntitySchema<MemberPersonalDataRow>({
  name: 'MemberPersonalData',
  tableName: 'member_personal_data',
  columns: {
    memberId: { type: 'uuid', primary: true },
    fullName: { type: 'text', nullable: true },
    phone: { type: 'text', nullable: true },
    birthYear: { type: 'integer', nullable: true },
    registeredAt: { type: 'timestamptz' },
    erasedAt: { type: 'timestamptz', nullable: true },
  },
});

/** Who read or changed whose personal data, when and why (Law 91/2025 on personal data). */
export interface PersonalDataAuditRow {
  id: string;
  memberId: string;
  action: string;
  actor: string;
  reason: string | null;
  at: Date;
}
export const PersonalDataAudit = new EntitySchema<PersonalDataAuditRow>({
  name: 'PersonalDataAudit',
  tableName: 'personal_data_audit',
  columns: {
    // bigserial; pg returns bigint as a string.
    id: { type: 'bigint', primary: true, generated: 'increment' },
    memberId: { type: 'uuid' },
    action: { type: 'text' },
    actor: { type: 'text' },
    reason: { type: 'text', nullable: true },
    at: { type: 'timestamptz', default: () => 'now()' },
  },
  // A member's trail is read in the order it was written (ORDER BY id).
  indices: [{ name: 'personal_data_audit_by_member', columns: ['memberId', 'id'] }],
});
