import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the KPI event behind each change left its service (its Kafka timestamp), so the instance that
 * writes the change to open streams can tell how fresh it was (nhip_event_freshness_seconds, stage
 * 'stream'): the consumer that applied it may be another instance. Null for rows written before.
 */
export class ProjectionChangeEventTime implements MigrationInterface {
  readonly name = 'ProjectionChangeEventTime1796400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "projection_changes" ADD "event_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "projection_changes" DROP COLUMN "event_at"');
  }
}
