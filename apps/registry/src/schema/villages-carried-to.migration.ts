import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A village taken over by a later tree's says which one (ADR 0068, 0070): a carry-over's plan shows
 * it as carried, and a second carry-over does not offer it again. The villages retired before this
 * migration are read back from their `VillageRetired` events.
 */
export class VillagesCarriedTo implements MigrationInterface {
  readonly name = 'VillagesCarriedTo1797000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE "rm_units" ADD "carried_to_tree_version" text, ADD "carried_to_code" text',
    );
    await runner.query(
      `UPDATE rm_units u
          SET carried_to_tree_version = e.data->'carriedTo'->>'treeVersion', carried_to_code = e.data->'carriedTo'->>'code'
         FROM es_events e
        WHERE e.event_type = 'VillageRetired' AND e.stream_id = 'villages-' || u.tree_version || '-' || u.parent_code
          AND e.data->>'code' = u.code`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE "rm_units" DROP COLUMN "carried_to_tree_version", DROP COLUMN "carried_to_code"',
    );
  }
}
