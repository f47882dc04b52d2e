// A statistic with its source and as-of date, from the API or a partner's topic; a later report for
// the same date replaces it. The unit's values for the periods it reaches (statistic-reach.ts) are
// published again if they changed, in the same transaction.
import { inTransaction, type Tx } from '@nhip/event-sourcing';
import { beforeRequestWrites } from '@nhip/postgres';
import type pg from 'pg';
import {
  holdPublishLock,
  ledgerPosition,
  publishChanges,
  type Touched,
} from '../../ledger/publish-changes.ts';
import { indicatorsReading } from '../../indicators/readers.ts';
import { requirePeriod, requireUnit, type WriteAccess } from '../../views/lookup.ts';
import type { ReportStatisticDto } from './report-statistic.request.ts';
import { periodsReached } from './statistic-reach.ts';

export interface StatisticReport {
  readonly unitCode: string;
  readonly statistic: string;
  readonly value: number;
  readonly asOf: string;
  readonly source: string;
}

export interface ReportedStatistic extends StatisticReport {
  readonly recordedAt: string;
}

/**
 * Stores a checked statistic in the caller's transaction and names the (unit, period) pairs whose
 * values it may change, for the caller to publish once for all it stored.
 */
export async function storeStatistic(
  tx: Tx,
  report: StatisticReport,
): Promise<{ readonly stored: ReportedStatistic; readonly touched: readonly Touched[] }> {
  const recordedAt = new Date().toISOString();
  await tx.query(
    `INSERT INTO kpi_statistics (unit_code, statistic, as_of, value, source, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (unit_code, statistic, as_of) DO UPDATE SET value = EXCLUDED.value,
       source = EXCLUDED.source, recorded_at = EXCLUDED.recorded_at`,
    [report.unitCode, report.statistic, report.asOf, report.value, report.source, recordedAt],
  );
  // Before the reach is read: a batch publishing a period for the first time from the old figures
  // commits before it, and the reach sees that period (READ COMMITTED).
  await holdPublishLock(tx);
  const reached = await periodsReached(tx, report.unitCode, report.statistic, report.asOf);
  const indicators = indicatorsReading({ statistic: report.statistic });
  const touched = reached.map((period) => ({ unitCode: report.unitCode, period, indicators }));
  return { stored: { ...report, recordedAt }, touched };
}

/** Records a checked statistic and publishes what it changed; `cause` makes message ids repeatable. */
export async function recordStatistic(
  tx: Tx,
  report: StatisticReport,
  cause: string,
): Promise<ReportedStatistic> {
  const { stored, touched } = await storeStatistic(tx, report);
  await publishChanges(tx, touched, await ledgerPosition(tx), cause);
  return stored;
}

export async function reportStatistic(
  pool: pg.Pool,
  input: ReportStatisticDto,
  access: WriteAccess,
): Promise<ReportedStatistic> {
  const unit = await beforeRequestWrites(
    requireUnit(pool, input.unitCode, requirePeriod(input.asOf, 'asOf'), 'unitCode'),
  );
  await access.inScope(unit);
  const { statistic, value, asOf, source } = input;
  const report = { unitCode: unit.code, statistic, value, asOf, source };
  return inTransaction(pool, (tx) => recordStatistic(tx, report, `statistic/${access.requestId}`));
}
