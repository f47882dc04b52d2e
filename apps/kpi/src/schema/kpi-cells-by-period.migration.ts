import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rollup cells keyed (unit, period, metric) with their value in the key's index (ADR 0037): a
 * drill-down reads one period's metrics for a dozen units, which now sit side by side on a leaf
 * page or two per unit and are read from the index alone, instead of one leaf and one heap page per
 * cell. Stocks are summed over a unit's day cells of one metric, the old order: a partial index
 * keeps that order for the stock metrics' day cells only (flows are never summed over days).
 */
export class KpiCellsByPeriod implements MigrationInterface {
  readonly name = 'KpiCellsByPeriod1796400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "kpi_rollups" DROP CONSTRAINT "kpi_rollups_pkey"');
    await runner.query(
      'ALTER TABLE "kpi_rollups" ADD CONSTRAINT "kpi_rollups_pkey" PRIMARY KEY ("unit_code", "period", "metric") INCLUDE ("value")',
    );
    await runner.query(
      `CREATE INDEX "kpi_rollups_stock_days" ON "kpi_rollups" ("unit_code", "metric", "period") INCLUDE ("value")
        WHERE period_kind = 'day' AND metric NOT LIKE 'residents_helped.%' AND metric NOT LIKE 'activities.%'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "kpi_rollups_stock_days"');
    await runner.query('ALTER TABLE "kpi_rollups" DROP CONSTRAINT "kpi_rollups_pkey"');
    await runner.query(
      'ALTER TABLE "kpi_rollups" ADD CONSTRAINT "kpi_rollups_pkey" PRIMARY KEY ("unit_code", "metric", "period")',
    );
  }
}
