// A value records the formula version it was computed with. When the catalog in force names another
// version than the one an indicator's published values carry (a formula changed in this deploy, or a
// deploy rolled back), each of those values is computed again with the version in force and published,
// so partners and screens never read two formulas of one indicator side by side (ADR 0063).
import { randomUUID } from 'node:crypto';
import { inTransaction } from '@nhip/event-sourcing';
import type pg from 'pg';
import { indicatorCatalog } from '../indicators/catalog.ts';
import type { IndicatorDefinition } from '../indicators/indicator.ts';
import { ledgerPosition, publishChanges } from '../ledger/publish-changes.ts';

export interface RepublishProgress {
  /** The indicators whose version changed, with the version their values were recorded with (null: unknown). */
  readonly indicators: readonly { readonly id: string; readonly from: number | null; readonly to: number }[];
  /** Published values looked at so far, and how many were published again. */
  readonly scanned: number;
  readonly published: number;
  readonly done: boolean;
  /**
   * Done, and the versions recorded as settled: false when a value was published with another version
   * while the pass ran (an instance on another catalog), so the next check reads again.
   */
  readonly settled: boolean;
}

export interface RepublishOptions {
  /** Published values read and computed again per transaction (each holds the publishers' lock). */
  readonly sliceSize?: number;
  /** Told after each slice and at the end; a returned promise holds the pass until it settles. */
  readonly onProgress?: (progress: RepublishProgress) => void | Promise<void>;
  /** Asked between slices: a service shutting down stops, and the next check goes on. */
  readonly stopped?: () => boolean;
}

/**
 * The catalog's indicators with no settled record of the version in force: none recorded, another
 * one, or a pass still pending (running, or stopped before its end).
 */
export async function outdatedIndicators(
  db: Pick<pg.Pool, 'query'>,
): Promise<RepublishProgress['indicators']> {
  const { rows } = await db.query<{ indicator_id: string; version: number }>(
    'SELECT indicator_id, version FROM kpi_published_versions WHERE pending_pass IS NULL',
  );
  const recorded = new Map(rows.map((r) => [r.indicator_id, r.version]));
  return indicatorCatalog
    .filter((d) => recorded.get(d.id) !== d.version)
    .map((d) => ({ id: d.id, from: recorded.get(d.id) ?? null, to: d.version }));
}

// In the primary key's order, from just after the last one handled: a value published again meanwhile
// by a batch (already the version in force) is skipped, and a slice never reads what it left behind.
const outdatedValuesSql = `
  SELECT p.unit_code, p.indicator_id, p.period
    FROM kpi_published p
    JOIN unnest($1::text[], $2::int[]) AS f(id, version) ON f.id = p.indicator_id
   WHERE p.version <> f.version AND (p.unit_code, p.indicator_id, p.period) > ($3, $4, $5)
   ORDER BY p.unit_code, p.indicator_id, p.period
   LIMIT $6`;

const defaults: Required<RepublishOptions> = {
  sliceSize: 2_000,
  onProgress: () => undefined,
  stopped: () => false,
};

type Key = readonly [unitCode: string, indicatorId: string, period: string];

/** One slice in one transaction: the next outdated values after `after`, computed and published. */
async function republishSlice(
  pool: pg.Pool,
  outdated: readonly IndicatorDefinition[],
  after: Key,
  sliceSize: number,
): Promise<{ last: Key | undefined; read: number; published: number }> {
  const byId = new Map(outdated.map((d) => [d.id, d]));
  return inTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ unit_code: string; indicator_id: string; period: string }>(
      outdatedValuesSql,
      [outdated.map((d) => d.id), outdated.map((d) => d.version), ...after, sliceSize],
    );
    const touched = rows.map((r) => ({
      unitCode: r.unit_code,
      period: r.period,
      indicators: [byId.get(r.indicator_id) as IndicatorDefinition],
    }));
    // A cause of its own per slice: the outbox's message ids are made from it and must not repeat.
    const published = await publishChanges(tx, touched, await ledgerPosition(tx), `formula/${randomUUID()}`);
    const last = rows.at(-1);
    return { last: last && [last.unit_code, last.indicator_id, last.period], read: rows.length, published };
  });
}

/**
 * Publishes again every value of an outdated indicator, slice by slice, then records the versions in
 * force. Returns where it got to: `done` is false when `stopped` ended it first.
 */
export async function republishOutdated(
  pool: pg.Pool,
  options: RepublishOptions = {},
): Promise<RepublishProgress> {
  const { sliceSize, onProgress, stopped } = { ...defaults, ...options };
  const indicators = await outdatedIndicators(pool);
  const progress = { indicators, scanned: 0, published: 0, done: false, settled: false };
  if (indicators.length === 0) return { ...progress, done: true, settled: true };
  const wanted = new Set(indicators.map((i) => i.id));
  const outdated = indicatorCatalog.filter((d) => wanted.has(d.id));
  const pass = await startPass(pool, outdated);
  let after: Key | undefined = ['', '', ''];
  while (after) {
    if (stopped()) return progress;
    const slice = await republishSlice(pool, outdated, after, sliceSize);
    after = slice.last;
    progress.scanned += slice.read;
    progress.published += slice.published;
    if (after) await onProgress({ ...progress });
  }
  const finished = { ...progress, done: true, settled: await settlePass(pool, pass, outdated.length) };
  await onProgress(finished);
  return finished;
}

/**
 * Records the versions in force as pending on this pass before its first slice: from then on, a value
 * published with another version (an instance on another catalog, at a key already read) drops the
 * record, and the pass cannot settle it. A pass started later takes the record over.
 */
async function startPass(pool: pg.Pool, outdated: readonly IndicatorDefinition[]): Promise<string> {
  const pass = randomUUID();
  await pool.query(
    `INSERT INTO kpi_published_versions (indicator_id, version, pending_pass)
     SELECT id, version, $3 FROM unnest($1::text[], $2::int[]) AS f(id, version)
     ON CONFLICT (indicator_id) DO UPDATE SET version = EXCLUDED.version, pending_pass = EXCLUDED.pending_pass`,
    [outdated.map((d) => d.id), outdated.map((d) => d.version), pass],
  );
  return pass;
}

/** Settles what is still pending on this pass; true when every indicator of it was. */
async function settlePass(pool: pg.Pool, pass: string, indicators: number): Promise<boolean> {
  const { rowCount } = await pool.query(
    'UPDATE kpi_published_versions SET pending_pass = NULL WHERE pending_pass = $1',
    [pass],
  );
  return rowCount === indicators;
}
