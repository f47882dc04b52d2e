import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a change moved its value's target (true for a key's first value): a year to date's stream
 * follows its year only for the target it is measured against, not for every report the year counts
 * after the year to date's end (ADR 0060 addendum). Null for rows written before, which pass.
 */
export class ProjectionChangeTargetMoved implements MigrationInterface {
  readonly name = 'ProjectionChangeTargetMoved1796700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "projection_changes" ADD "target_moved" boolean');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "projection_changes" DROP COLUMN "target_moved"');
  }
}
