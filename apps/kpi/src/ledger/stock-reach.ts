// A stock's change on a day moves its value at the end of every later period too (a stock's value at
// a period's end sums every change before it, metrics/registry-stocks.ts). Recorded as it happens,
// the day is today and no later period has a value yet; but a consumer catching up after an outage
// that crossed midnight records yesterday's team or member changes after today's values were
// published, and those must be published again (ADR 0062).
import type { Tx } from '@nhip/event-sourcing';
import { metricKind } from '../indicators/evaluate.ts';
import type { IndicatorDefinition } from '../indicators/indicator.ts';
import { indicatorsReading } from '../indicators/readers.ts';
import type { MetricDelta } from '../metrics/metric-delta.ts';
import { laterPeriods } from './later-periods.ts';
import { holdPublishLock, type Touched } from './publish-changes.ts';

interface From {
  day: string;
  readonly indicators: Set<IndicatorDefinition>;
}

/** Each unit a stock's delta counts in, from its earliest day, with the indicators reading those stocks. */
function stockChanges(deltas: readonly MetricDelta[]): Map<string, From> {
  const from = new Map<string, From>();
  for (const { metric, units, day } of deltas) {
    if (metricKind(metric) !== 'stock') continue;
    const readers = indicatorsReading({ metric });
    for (const unit of units) {
      const entry = from.get(unit) ?? { day, indicators: new Set<IndicatorDefinition>() };
      if (day < entry.day) entry.day = day;
      for (const indicator of readers) entry.indicators.add(indicator);
      from.set(unit, entry);
    }
  }
  return from;
}

/** The published periods after their day that the stock deltas among `deltas` reach. */
export async function stockReach(tx: Tx, deltas: readonly MetricDelta[]): Promise<Touched[]> {
  const from = [...stockChanges(deltas)].filter(([, f]) => f.indicators.size > 0);
  if (from.length === 0) return [];
  // As a statistic's reach is read (report-statistic.handler.ts): a batch publishing a later period
  // for the first time from the figures without these deltas commits first, and is seen here.
  await holdPublishLock(tx);
  const { rows } = await tx.query<{ unit_code: string; periods: string[] }>(
    `SELECT p.unit_code, array_agg(DISTINCT p.period) AS periods
       FROM kpi_published p
       JOIN unnest($1::text[], $2::text[]) AS f(unit, from_year) ON p.unit_code = f.unit AND p.period >= f.from_year
      GROUP BY p.unit_code`,
    [from.map(([unit]) => unit), from.map(([, f]) => f.day.slice(0, 4))],
  );
  const byUnit = new Map(from);
  return rows.flatMap(({ unit_code: unitCode, periods }) => {
    const changed = byUnit.get(unitCode);
    if (!changed) return [];
    const indicators = [...changed.indicators];
    return laterPeriods(periods, changed.day).map((period) => ({ unitCode, period, indicators }));
  });
}
