// Where an indicator's figures come from, for explain: the targets that make up a unit's target,
// the statistic used with its source and date, and pages of the ledger rows a metric sums.
import type { SourceEventOrder } from '@nhip/contracts';
import type pg from 'pg';
import { metricKind } from '../indicators/evaluate.ts';
import { sourceFromStored, type DeltaSource } from '../metrics/metric-delta.ts';
import { nearestTargetsSql } from './figures.queries.ts';
import { targetPeriodOf, type Period } from '../periods/period.ts';

type Db = Pick<pg.Pool, 'query'>;

export interface TargetSource {
  readonly unitCode: string;
  /** Null only for a unit the tree named no longer has. */
  readonly unitName: string | null;
  readonly value: number;
  readonly assignedBy: string;
  readonly assignedByName: string | null;
  readonly assignedAt: string;
}

/**
 * The unit's own target, or else the nearest targets assigned below it (what the figure sums, as
 * assigned by `knownAt` when given), each with the names of its unit and of the unit that assigned
 * it in `treeVersion`.
 */
export async function targetSources(
  db: Db,
  query: { unit: string; metric: string; period: Period; treeVersion: string; knownAt?: string | undefined },
): Promise<TargetSource[]> {
  const { rows } = await db.query<TargetSource>(
    `SELECT t.unit_code AS "unitCode", target_unit.name AS "unitName", t.value::float8 AS value,
            t.assigned_by AS "assignedBy", assigner.name AS "assignedByName",
            to_char(t.assigned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "assignedAt"
       FROM (${nearestTargetsSql('ARRAY[$1::text]', '(SELECT $3::text AS key, $6::text AS target_period) p', '$5', 'ARRAY[$2::text]')}) t
       LEFT JOIN kpi_units target_unit ON target_unit.tree_version = $4 AND target_unit.code = t.unit_code
       LEFT JOIN kpi_units assigner ON assigner.tree_version = $4 AND assigner.code = t.assigned_by
      ORDER BY t.unit_code`,
    [
      query.unit,
      query.metric,
      query.period.key,
      query.treeVersion,
      query.knownAt ?? null,
      targetPeriodOf(query.period),
    ],
  );
  return rows;
}

export interface StatisticSource {
  readonly value: number;
  readonly source: string;
  readonly asOf: string;
}

export async function statisticSource(
  db: Db,
  unit: string,
  statistic: string,
  period: Period,
): Promise<StatisticSource | undefined> {
  const { rows } = await db.query<StatisticSource>(
    `SELECT value::float8 AS value, source, to_char(as_of, 'YYYY-MM-DD') AS "asOf" FROM kpi_statistics
      WHERE unit_code = $1 AND statistic = $2 AND as_of <= $3::date ORDER BY as_of DESC LIMIT 1`,
    [unit, statistic, period.lastDay],
  );
  return rows[0];
}

export interface LedgerEntry {
  readonly position: string;
  readonly sourceEventId: string;
  /** What the event was about; null for a delta recorded before the ledger kept it. */
  readonly source: DeltaSource | null;
  /** The last unit the delta counts in (a report's village or commune, a team's unit), named. */
  readonly place: { readonly code: string; readonly name: string | null };
  readonly day: string;
  readonly delta: number;
  readonly recordedAt: string;
}

interface LedgerRow extends Omit<LedgerEntry, 'source' | 'place'> {
  readonly source: string | null;
  readonly placeCode: string;
  readonly placeName: string | null;
}

const entryOf = ({ source, placeCode, placeName, ...row }: LedgerRow): LedgerEntry => ({
  ...row,
  source: sourceFromStored(source),
  place: { code: placeCode, name: placeName },
});

/**
 * One page of the deltas a metric sums for a unit (or a grouping's members: each delta once,
 * whichever members it names) and period, oldest or newest first, after a position in that order
 * and never past `until`.
 */
export async function ledgerPage(
  db: Db,
  query: {
    units: readonly string[];
    metric: string;
    period: Period;
    /** Oldest first (positions above `after`) or newest first (below it). */
    order: SourceEventOrder;
    after: string | undefined;
    /** The last position the page may list: where the ledger stood when the figure was read. */
    until: string;
    limit: number;
    knownAt?: string;
    /** The tree the places are named in. */
    treeVersion: string;
  },
): Promise<LedgerEntry[]> {
  const from =
    metricKind(query.metric as Parameters<typeof metricKind>[0]) === 'flow'
      ? query.period.firstDay
      : '0001-01-01';
  const newest = query.order === 'newest';
  const { rows } = await db.query<LedgerRow>(
    `SELECT d.id::text AS position, d.source_event_id AS "sourceEventId", d.source,
            d.units[cardinality(d.units)] AS "placeCode", place.name AS "placeName",
            to_char(d.day, 'YYYY-MM-DD') AS day, d.delta::float8 AS delta,
            to_char(d.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"
       FROM kpi_deltas d
       LEFT JOIN kpi_units place ON place.tree_version = $9 AND place.code = d.units[cardinality(d.units)]
      WHERE d.units && $1::text[] AND d.metric = $2 AND d.day BETWEEN $3::date AND $4::date
        AND d.id <= $8::bigint ${newest ? 'AND d.id < $5::bigint' : 'AND d.id > $5::bigint'}
        AND ($7::timestamptz IS NULL OR d.recorded_at <= $7::timestamptz)
      ORDER BY d.id ${newest ? 'DESC' : ''} LIMIT $6`,
    [
      query.units,
      query.metric,
      from,
      query.period.lastDay,
      // Newest first starts just past `until` (itself listed); oldest first from the ledger's start.
      query.after ?? (newest ? (BigInt(query.until) + 1n).toString() : '0'),
      query.limit,
      query.knownAt ?? null,
      query.until,
      query.treeVersion,
    ],
  );
  return rows.map(entryOf);
}

/**
 * Where the ledger stands: the last position written. Read in the snapshot the figures are read in,
 * it bounds every page of their source events, so a later page does not list an event recorded
 * after the figure shown (ids are drawn before commit, so a batch committing out of order can still
 * land below it: the same approximation as the position a published value reflects).
 */
export async function ledgerEnd(db: Db): Promise<string> {
  const { rows } = await db.query<{ until: string }>(
    'SELECT coalesce(max(id), 0)::text AS until FROM kpi_deltas',
  );
  return rows[0]?.until ?? '0';
}
