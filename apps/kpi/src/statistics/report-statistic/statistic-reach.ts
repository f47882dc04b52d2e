// Which values a statistic may change. A period's figure takes the latest statistic of its kind
// reported by the period's last day (figures.queries.ts), so one dated `asOf` counts for every period
// ending on or after that day, until the next one of its kind: the later periods the unit has
// anything published for (ledger/later-periods.ts) up to that next one.
import type { Tx } from '@nhip/event-sourcing';
import { laterPeriods } from '../../ledger/later-periods.ts';
import { parsePeriod, periodsOfDay, type PeriodKey } from '../../periods/period.ts';

/**
 * The unit's periods a statistic dated `asOf` now counts for: the day's own periods, and every
 * period the unit has values published for whose last day is on or after `asOf` and before the
 * unit's next statistic of the same kind. Keys start with their year, so a period of an earlier
 * year is never read.
 */
export async function periodsReached(
  tx: Tx,
  unitCode: string,
  statistic: string,
  asOf: string,
): Promise<PeriodKey[]> {
  const { rows } = await tx.query<{ period: string; next: string | null }>(
    `SELECT DISTINCT p.period,
            (SELECT min(s.as_of)::text FROM kpi_statistics s
              WHERE s.unit_code = $1 AND s.statistic = $2 AND s.as_of > $3::date) AS next
       FROM kpi_published p
      WHERE p.unit_code = $1 AND p.period >= $4`,
    [unitCode, statistic, asOf, asOf.slice(0, 4)],
  );
  const next = rows[0]?.next ?? null;
  const reached = laterPeriods(
    rows.map((r) => r.period),
    asOf,
  ).filter((period) => next === null || (parsePeriod(period)?.lastDay ?? next) < next);
  return [...new Set([...periodsOfDay(asOf), ...reached])];
}
