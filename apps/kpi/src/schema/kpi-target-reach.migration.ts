import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A unit's target is its own or the sum of the nearest ones assigned below it: every target whose
 * path passes through the unit. Looking for the unit inside each target's path compared every unit
 * read with every target in the country (ADR 0056). `kpi_target_reach` lists each target under
 * every unit of its path, keyed by that unit, with the units between them (from that unit down to
 * the target's parent): a unit's candidates are one range of the key.
 *
 * The list is kept by a trigger on `kpi_targets`, not by the handler: during a rolling deploy the
 * previous version's instances keep assigning targets after this migration ran, and a row they
 * wrote without its listing would be a target no read finds. The trigger is created before the
 * backfill, in the migration's transaction, so every write is either in the backfill or fires it.
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
    await runner.query(
      'CREATE INDEX "kpi_target_reach_target" ON "kpi_target_reach" ("unit_code", "metric", "period")',
    );
    await runner.query(`
      CREATE FUNCTION kpi_targets_listed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          DELETE FROM kpi_target_reach
           WHERE unit_code = OLD.unit_code AND metric = OLD.metric AND period = OLD.period;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO kpi_target_reach
          SELECT reach.code, NEW.period, NEW.metric, NEW.unit_code,
                 NEW.unit_path[reach.at : cardinality(NEW.unit_path) - 1],
                 NEW.value, NEW.assigned_by, NEW.assigned_at
            FROM unnest(NEW.unit_path) WITH ORDINALITY AS reach(code, at);
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(
      `CREATE TRIGGER "kpi_targets_listed" AFTER INSERT OR UPDATE OR DELETE ON "kpi_targets"
       FOR EACH ROW EXECUTE FUNCTION kpi_targets_listed()`,
    );
    await runner.query(
      `INSERT INTO "kpi_target_reach"
       SELECT reach.code, t.period, t.metric, t.unit_code, t.unit_path[reach.at : cardinality(t.unit_path) - 1],
              t.value, t.assigned_by, t.assigned_at
         FROM "kpi_targets" t CROSS JOIN LATERAL unnest(t.unit_path) WITH ORDINALITY AS reach(code, at)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER "kpi_targets_listed" ON "kpi_targets"');
    await runner.query('DROP FUNCTION kpi_targets_listed()');
    await runner.query('DROP TABLE "kpi_target_reach"');
  }
}
