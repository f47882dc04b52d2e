// The ledger and its rollup cells, written in the consumer's transaction in one statement: one row
// per delta and one upsert per coalesced cell (ADR 0026, 0034). Cells are written in key order so two
// consumers touching the same cells wait for each other instead of deadlocking.
import type { Tx } from '@nhip/event-sourcing';
import { storedSource, type MetricDelta } from '../metrics/metric-delta.ts';
import { parsePeriod } from '../periods/period.ts';
import { rollUp, type RollupCell } from '../rollups/rollup.ts';

// One statement, one round trip: the ledger rows and the cells they add to (a data-modifying CTE
// runs whether or not it is read). The cells' rows come in the key order they are given.
const recordSql = `
  WITH written AS (
    INSERT INTO kpi_deltas (units, metric, day, delta, source_event_id, source, recorded_at)
    SELECT ARRAY(SELECT jsonb_array_elements_text(d.units)), d.metric, d.day::date, d.delta, d.source_event_id,
           d.source, d.recorded_at
      FROM jsonb_to_recordset($1::jsonb)
           AS d(units jsonb, metric text, day text, delta bigint, source_event_id text, source text,
                recorded_at timestamptz)
    RETURNING id
  ), cells AS (
    INSERT INTO kpi_rollups (unit_code, metric, period, period_kind, value)
    SELECT c.unit_code, c.metric, c.period, c.period_kind, c.delta
      FROM jsonb_to_recordset($2::jsonb)
           AS c(unit_code text, metric text, period text, period_kind text, delta bigint)
    ON CONFLICT (unit_code, metric, period) DO UPDATE SET value = kpi_rollups.value + EXCLUDED.value
  )
  SELECT max(id)::text AS last FROM written`;

export interface Recorded {
  /** The rollup cells that changed, net of the batch. */
  readonly cells: readonly RollupCell[];
  /** The last ledger row written: the position published values reflect. */
  readonly position: string | undefined;
}

const cellOrder = (a: RollupCell, b: RollupCell): number =>
  a.unitCode.localeCompare(b.unitCode) ||
  a.metric.localeCompare(b.metric) ||
  a.period.localeCompare(b.period);

export async function recordDeltas(tx: Tx, deltas: readonly MetricDelta[]): Promise<Recorded> {
  if (deltas.length === 0) return { cells: [], position: undefined };
  const rows = deltas.map((d) => ({
    units: d.units,
    metric: d.metric,
    day: d.day,
    delta: d.delta,
    source_event_id: d.sourceEventId,
    source: storedSource(d.source),
    recorded_at: d.recordedAt,
  }));
  const cells = rollUp(deltas).sort(cellOrder);
  const json = cells.map((c) => ({
    unit_code: c.unitCode,
    metric: c.metric,
    period: c.period,
    period_kind: parsePeriod(c.period)?.kind ?? 'day',
    delta: c.delta,
  }));
  const { rows: written } = await tx.query<{ last: string }>(recordSql, [
    JSON.stringify(rows),
    JSON.stringify(json),
  ]);
  return { cells, position: written[0]?.last };
}
