// A statistic with its source and as-of date; a later report for the same date replaces it. The
// unit's values for the periods holding that date are published again if they changed.
import { inTransaction } from '@nhip/event-sourcing';
import type pg from 'pg';
import { ledgerPosition, publishChanges } from '../../ledger/publish-changes.ts';
import { periodsOfDay } from '../../periods/period.ts';
import { requirePeriod, requireUnit } from '../../views/lookup.ts';
import type { ReportStatisticDto } from './report-statistic.request.ts';

export interface ReportedStatistic extends ReportStatisticDto {
  readonly recordedAt: string;
}

export async function reportStatistic(
  pool: pg.Pool,
  input: ReportStatisticDto,
  requestId: string,
): Promise<ReportedStatistic> {
  const day = requirePeriod(input.asOf, 'asOf');
  const unit = await requireUnit(pool, input.unitCode, day);
  const recordedAt = new Date().toISOString();
  await inTransaction(pool, async (tx) => {
    await tx.query(
      `INSERT INTO kpi_statistics (unit_code, statistic, as_of, value, source, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (unit_code, statistic, as_of) DO UPDATE SET value = EXCLUDED.value,
         source = EXCLUDED.source, recorded_at = EXCLUDED.recorded_at`,
      [unit.code, input.statistic, input.asOf, input.value, input.source, recordedAt],
    );
    const touched = periodsOfDay(input.asOf).map((period) => ({ unitCode: unit.code, period }));
    await publishChanges(tx, touched, await ledgerPosition(tx), `statistic/${requestId}`);
  });
  const { statistic, value, asOf, source } = input;
  return { unitCode: unit.code, statistic, value, asOf, source, recordedAt };
}
