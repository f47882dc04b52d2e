// The change log as streams read it: what is new since a sequence, what a resume replays, and the
// retention window that bounds both (ADR 0029).
import type pg from 'pg';

type Db = Pick<pg.Pool, 'query'>;

export interface ChangeRecord {
  readonly seq: number;
  readonly unitCode: string;
  readonly period: string;
  readonly path: readonly string[];
  readonly data: { readonly indicatorId: string } & Record<string, unknown>;
  /** Epoch milliseconds of the KPI event's Kafka timestamp; null for rows from before it was kept. */
  readonly eventAt: number | null;
  /** Whether it moved the value's target (a key's first value does); null for rows from before. */
  readonly targetMoved: boolean | null;
}

const columns =
  'seq::float8 AS seq, unit_code AS "unitCode", period, path, data, (extract(epoch FROM event_at) * 1000)::float8 AS "eventAt", target_moved AS "targetMoved"';

export async function changesAfter(db: Db, after: number, limit: number): Promise<ChangeRecord[]> {
  const { rows } = await db.query<ChangeRecord>(
    `SELECT ${columns} FROM projection_changes WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [after, limit],
  );
  return rows;
}

/** A change's position and the moment its KPI event left Kafka: all a read needs with no stream open. */
export type ChangeTime = Pick<ChangeRecord, 'seq' | 'eventAt'>;

export async function changeTimesAfter(db: Db, after: number, limit: number): Promise<ChangeTime[]> {
  const { rows } = await db.query<ChangeTime>(
    `SELECT seq::float8 AS seq, (extract(epoch FROM event_at) * 1000)::float8 AS "eventAt"
       FROM projection_changes WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [after, limit],
  );
  return rows;
}

export interface ReplayWindow {
  readonly after: number;
  readonly upTo: number;
  readonly roots: readonly string[];
  /** Every period when undefined. */
  readonly periods: readonly string[] | undefined;
  /** A period whose changes are replayed only when they moved the target (`StreamFilter.targetOnly`). */
  readonly targetOnly?: string;
}

/** One page of a resume: the scope's changes in (after, upTo], oldest first. */
export async function replayPage(db: Db, window: ReplayWindow, limit: number): Promise<ChangeRecord[]> {
  const { rows } = await db.query<ChangeRecord>(
    `SELECT ${columns} FROM projection_changes
     WHERE seq > $1 AND seq <= $2 AND path && $3::text[] AND ($4::text[] IS NULL OR period = ANY($4::text[]))
       AND (period IS DISTINCT FROM $6::text OR target_moved IS NOT FALSE)
     ORDER BY seq LIMIT $5`,
    [window.after, window.upTo, window.roots, window.periods ?? null, limit, window.targetOnly ?? null],
  );
  return rows;
}

export async function lastSeq(db: Db): Promise<number> {
  const { rows } = await db.query<{ last: number }>(
    'SELECT coalesce(max(seq), 0)::float8 AS last FROM projection_changes',
  );
  return rows[0]?.last ?? 0;
}

/** The highest sequence deleted by retention: a resume from below it cannot be exact. */
export async function horizon(db: Db): Promise<number> {
  const { rows } = await db.query<{ through: number }>(
    'SELECT coalesce(max(pruned_through), 0)::float8 AS through FROM projection_change_horizon',
  );
  return rows[0]?.through ?? 0;
}

/** Deletes changes older than the window and moves the horizon past them, in one statement. */
export async function prune(db: Db, retentionMs: number): Promise<void> {
  await db.query(
    `WITH gone AS (
       DELETE FROM projection_changes WHERE at < now() - $1 * interval '1 millisecond' RETURNING seq
     )
     INSERT INTO projection_change_horizon (id, pruned_through)
     SELECT 1, max(seq) FROM gone HAVING count(*) > 0
     ON CONFLICT (id) DO UPDATE
       SET pruned_through = greatest(projection_change_horizon.pruned_through, EXCLUDED.pruned_through)`,
    [retentionMs],
  );
}
