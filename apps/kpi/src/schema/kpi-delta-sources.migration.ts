import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each ledger delta names what its event was about (`activity/<id>`, `team/<id>`, `member/<id>`,
 * `village/<code>`), so an explanation's source events lead to the report, team or member behind
 * them: the public event's id alone is indexed by no service (ADR 0055). Rows written before stay
 * null; adding a nullable column without a default rewrites nothing.
 */
export class KpiDeltaSources implements MigrationInterface {
  readonly name = 'KpiDeltaSources1796600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "kpi_deltas" ADD COLUMN "source" text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "kpi_deltas" DROP COLUMN "source"');
  }
}
