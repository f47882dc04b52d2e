import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A village is known by its tree and its code (ADR 0069): the reform numbered each commune's villages
 * afresh, so a carried-over village of 2025 often has the code of a 2024 village, and keyed by code
 * alone it was never counted. Teams keep the tree they serve in, to find their village.
 *
 * The rows already held take the tree of the unit at their path. A team at a unit this service has
 * not heard of yet takes the newest tree, where the registry registers teams; a retired village
 * (its path emptied) the oldest tree with its code, the one it was retired from.
 *
 * No compatibility for the previous version's instances during a rolling deploy: their stock
 * batches write no tree and name the old key, so they fail and roll back, and the new instances
 * consume those events once the group rebalances. A wrong count would be silent; this is loud.
 */
export class KpiVillagesByTree implements MigrationInterface {
  readonly name = 'KpiVillagesByTree1797000000000';

  async up(runner: QueryRunner): Promise<void> {
    const newest = `(SELECT tree_version FROM kpi_unit_trees ORDER BY effective_from DESC LIMIT 1)`;
    await runner.query('ALTER TABLE "kpi_teams" ADD "tree_version" text');
    await runner.query(
      `UPDATE kpi_teams t SET tree_version = u.tree_version FROM kpi_units u
        WHERE u.code = t.path[cardinality(t.path)] AND u.path = t.path`,
    );
    await runner.query(
      `UPDATE kpi_teams SET tree_version = coalesce(${newest}, '') WHERE tree_version IS NULL`,
    );
    await runner.query('ALTER TABLE "kpi_teams" ALTER COLUMN "tree_version" SET NOT NULL');
    await runner.query('ALTER TABLE "kpi_villages" ADD "tree_version" text');
    await runner.query(
      `UPDATE kpi_villages v SET tree_version = u.tree_version FROM kpi_units u
        WHERE u.origin = 'local' AND u.code = v.code AND u.path = v.path`,
    );
    await runner.query(
      `UPDATE kpi_villages v SET tree_version = coalesce(
         (SELECT u.tree_version FROM kpi_units u JOIN kpi_unit_trees t USING (tree_version)
           WHERE u.origin = 'local' AND u.code = v.code ORDER BY t.effective_from LIMIT 1),
         ${newest}, '')
        WHERE tree_version IS NULL`,
    );
    await runner.query('ALTER TABLE "kpi_villages" ALTER COLUMN "tree_version" SET NOT NULL');
    await runner.query('ALTER TABLE "kpi_villages" DROP CONSTRAINT "kpi_villages_pkey"');
    await runner.query(
      'ALTER TABLE "kpi_villages" ADD CONSTRAINT "kpi_villages_pkey" PRIMARY KEY ("tree_version", "code")',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    // Back to one row per code: of two trees' villages with one code, the newer tree's is kept.
    await runner.query(
      `DELETE FROM kpi_villages v USING kpi_villages w, kpi_unit_trees tv, kpi_unit_trees tw
        WHERE v.code = w.code AND tv.tree_version = v.tree_version AND tw.tree_version = w.tree_version
          AND tv.effective_from < tw.effective_from`,
    );
    await runner.query('ALTER TABLE "kpi_villages" DROP CONSTRAINT "kpi_villages_pkey"');
    await runner.query('ALTER TABLE "kpi_villages" DROP COLUMN "tree_version"');
    await runner.query('ALTER TABLE "kpi_villages" ADD CONSTRAINT "kpi_villages_pkey" PRIMARY KEY ("code")');
    await runner.query('ALTER TABLE "kpi_teams" DROP COLUMN "tree_version"');
  }
}
