// The KPI service's changed values → the latest value per unit, indicator and period (delivery may
// reorder one unit's values, so the highest revision wins), and each value that won → one row of
// the change log, in the consumer's transaction: offsets, values and changes commit together. A row
// says whether it moved the value's target (`old` in RETURNING, PostgreSQL 18): a year to date's
// stream needs its year's changes only for that.
import type { IndicatorChangedData } from '@nhip/contracts';
import type { Tx } from '@nhip/event-sourcing';
import { parsePeriod } from '../../periods/period.ts';

/** Streams LISTEN here; the notification is delivered when (and only if) the transaction commits. */
export const changesChannel = 'projection_changes';
// Two instances consuming the same group write the log under this lock, so its sequence is the
// order of commits and a stream reading "after seq N" never skips a row committed later.
const changeLogLock = 0x70726f6a;

interface Incoming {
  unit_code: string;
  indicator_id: string;
  period: string;
  revision: string;
  last_day: string | null;
  data: IndicatorChangedData;
  event_at: string | null;
}

/** A changed value and when its event left the KPI service (Kafka timestamp), if known. */
export interface ChangedValue {
  readonly data: IndicatorChangedData;
  readonly eventAt: Date | undefined;
}

const applySql = `
  WITH incoming AS (
    SELECT x.*, tree.tree_version FROM jsonb_to_recordset($1::jsonb) AS x(
      unit_code text, indicator_id text, period text, last_day date, revision numeric, data jsonb,
      event_at timestamptz, ord int)
    LEFT JOIN LATERAL (
      SELECT t.tree_version FROM replica_unit_trees t WHERE t.effective_from <= x.last_day
       ORDER BY t.effective_from DESC LIMIT 1) tree ON true
  ), latest AS (
    SELECT DISTINCT ON (unit_code, indicator_id, period) * FROM incoming
    ORDER BY unit_code, indicator_id, period, revision DESC
  ), won AS (
    INSERT INTO projection_values (unit_code, indicator_id, period, revision, data)
    SELECT unit_code, indicator_id, period, revision, data FROM latest
    ON CONFLICT (unit_code, indicator_id, period) DO UPDATE
      SET revision = EXCLUDED.revision, data = EXCLUDED.data
      WHERE projection_values.revision < EXCLUDED.revision
    RETURNING unit_code, indicator_id, period,
              old.unit_code IS NULL OR old.data -> 'target' IS DISTINCT FROM new.data -> 'target' AS target_moved
  ), logged AS (
    INSERT INTO projection_changes (unit_code, period, path, data, event_at, target_moved)
    SELECT l.unit_code, l.period, coalesce(u.path, ARRAY[l.unit_code]),
           l.data || jsonb_build_object('unitName', coalesce(n.name, l.unit_code)), l.event_at, w.target_moved
    FROM won w
    JOIN latest l USING (unit_code, indicator_id, period)
    LEFT JOIN replica_units u ON u.tree_version = l.tree_version AND u.code = l.unit_code
    LEFT JOIN projection_unit_names n ON n.tree_version = l.tree_version AND n.code = l.unit_code
    ORDER BY l.ord
    RETURNING 1
  )
  SELECT c.n, CASE WHEN c.n > 0 THEN pg_notify($2, '') END AS notified
    FROM (SELECT count(*)::int AS n FROM logged) c`;

/** Applies a batch of changed values; returns how many reached the change log. */
export async function applyIndicatorValues(values: readonly ChangedValue[], tx: Tx): Promise<number> {
  if (values.length === 0) return 0;
  // The tree in force on each period's last day is found in the statement, not a round trip before.
  const incoming = values.map(({ data: v, eventAt }, ord): Incoming & { ord: number } => ({
    unit_code: v.unitCode,
    indicator_id: v.indicatorId,
    period: v.period,
    revision: v.revision,
    last_day: parsePeriod(v.period)?.lastDay ?? null,
    data: v,
    event_at: eventAt?.toISOString() ?? null,
    ord,
  }));
  await tx.query('SELECT pg_advisory_xact_lock($1)', [changeLogLock]);
  // Values, change log and the NOTIFY (only when something reached the log) in one round trip.
  const { rows } = await tx.query<{ n: number }>(applySql, [JSON.stringify(incoming), changesChannel]);
  return rows[0]?.n ?? 0;
}
