import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A unit's target is its own or the sum of the nearest ones assigned below it: every target whose
 * path passes through the unit. Looking for the unit inside each target's path compared every unit
 * read with every target in the country (ADR 0056). `kpi_target_reach` lists each target under
 * every unit of its path, keyed by that unit, with the units between them (from that unit down to
 * the target's parent): a unit's candidates are one range of the key, found by equality, and the
 * nearest rule needs nothing else. Written with the target, in the same transaction.
 */
export class KpiTargetReach implements MigrationInterface {
  readonly name = 'KpiTargetReach1796700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE "kpi_target_reach" ("reach_code" text NOT NULL, "period" text NOT NULL, "metric" text NOT NULL,
         "unit_code" text NOT NULL, "between_codes" text array NOT NULL, "value" bigint NOT NULL,
         "assigned_by" text NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         CONSTRAINT "kpi_target_reach_pkey" PRIMARY KEY ("reach_code", "period", "metric", "unit_code"))`,
    );
    // A new assignment lists its target again: its rows are found by the target's own key.
    await runner.query(
      'CREATE INDEX "kpi_target_reach_target" ON "kpi_target_reach" ("unit_code", "metric", "period")',
    );
    await runner.query(
      `INSERT INTO "kpi_target_reach"
       SELECT reach.code, t.period, t.metric, t.unit_code, t.unit_path[reach.at : cardinality(t.unit_path) - 1],
              t.value, t.assigned_by, t.assigned_at
         FROM "kpi_targets" t CROSS JOIN LATERAL unnest(t.unit_path) WITH ORDINALITY AS reach(code, at)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "kpi_target_reach"');
  }
}
