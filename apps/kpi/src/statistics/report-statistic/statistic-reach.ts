// Which values a statistic may change. A period's figure takes the latest statistic of its kind
// reported by the period's last day (figures.queries.ts), so one dated `asOf` counts for every period
// ending on or after that day, until the next one of its kind. Statistics arrive late (an office
// publishes June's population in October): the values already published for the months after its
// day were computed with the one before, and the projection and the partners keep them until each is
// published again. Every period the unit has anything published for is looked at, not only those of
// the statistic's indicators: one not counted before (no figures) may be counted now. A period with
// nothing published needs nothing: the projection asks the KPI service for a value it has not got
// (ADR 0035).
import type { Tx } from '@nhip/event-sourcing';
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
  const reached = [...rows.map((r) => r.period), ...yearStarts(rows, asOf)].filter((period) => {
    const lastDay = parsePeriod(period)?.lastDay;
    return lastDay !== undefined && lastDay >= asOf && (next === null || lastDay < next);
  });
  return [...new Set([...periodsOfDay(asOf), ...reached])];
}

/**
 * The first day, month and quarter of each later year the unit has anything published in. A year
 * to date is never published: its stream learns of a change from the periods it is summed from, and
 * takes its year's changes only when they move the target (ADR 0060 addendum). Where the unit has
 * only its year published (a target assigned, reports after the screen's end), a statistic dated in
 * an earlier year would reach such a screen through nothing; every year to date of a year follows
 * that year's first day, January or the first quarter.
 */
function yearStarts(rows: readonly { period: string }[], asOf: string): PeriodKey[] {
  const later = new Set(rows.map((r) => r.period.slice(0, 4)).filter((year) => year > asOf.slice(0, 4)));
  return [...later].flatMap((year) => periodsOfDay(`${year}-01-01`).slice(0, 3));
}
