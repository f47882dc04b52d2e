import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A stock's value at a period's end was the sum of all its day cells up to that day: a year of
 * history is 365 cells per unit and metric, and the count only grows. Its month and year cells hold
 * the same sums by span (every delta counts in each period of its day), so the figures now add the
 * years before, the months of the year before the last one, and that month's days: at most a cell
 * per earlier year plus 11 plus 31. This partial index keeps the month and year cells of the stock
 * metrics in (unit, metric, period) order, as kpi_rollups_stock_days does their day cells.
 */
export class KpiStockSpans implements MigrationInterface {
  readonly name = 'KpiStockSpans1796500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX "kpi_rollups_stock_spans" ON "kpi_rollups" ("unit_code", "metric", "period") INCLUDE ("value")
        WHERE period_kind IN ('month', 'year') AND metric NOT LIKE 'residents_helped.%' AND metric NOT LIKE 'activities.%'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "kpi_rollups_stock_spans"');
  }
}
