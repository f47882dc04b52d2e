import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A member's audit trail is read WHERE member_id = $1 ORDER BY id (personal-data.ts), so the index
 * that serves it is (member_id, id): the rows come out in order, with no sort. Generated from the
 * entities by `npm run migrate -- registry generate`.
 */
export class AuditTrailInWriteOrder implements MigrationInterface {
  readonly name = 'AuditTrailInWriteOrder1796290757236';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."personal_data_audit_member"');
    await runner.query(
      'CREATE INDEX "personal_data_audit_by_member" ON "personal_data_audit"  ("member_id", "id") ',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."personal_data_audit_by_member"');
    // Corrected by hand: TypeORM 1.1 reads an index's columns back in name order, so it generated
    // (at, member_id) for an index that was (member_id, at).
    await runner.query(
      'CREATE INDEX "personal_data_audit_member" ON "personal_data_audit" ("member_id", "at")',
    );
  }
}
