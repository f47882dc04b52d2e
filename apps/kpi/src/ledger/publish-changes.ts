// After a batch: at the (unit, period) pairs it touched, the indicators reading what it changed are
// computed again, ranked among siblings, compared with what was last published, and only the changed
// ones are written to the outbox, in the batch's transaction (ADR 0027, 0062).
import { IndicatorChangedV1, type IndicatorChangedData } from '@nhip/contracts';
import { publicMessage, toOutboxMessages, writeOutbox, type Tx } from '@nhip/event-sourcing';
import { orNull, type UnitIndicator } from '../figures/indicator-values.ts';
import { forgetVersionsOutOfStep, versionsWritten } from '../formula-versions/versions-out-of-step.ts';
import { inCatalogOrder } from '../indicators/readers.ts';
import { parsePeriod, type Period } from '../periods/period.ts';
import { touchedUnits, valuesOf, type Touched, type TouchedUnit } from './touched-values.ts';

export type { Touched } from './touched-values.ts';

interface Stamp {
  readonly position: string;
  readonly revision: string;
}

const dataOf = (
  unitCode: string,
  period: string,
  v: UnitIndicator,
  { position, revision }: Stamp,
): IndicatorChangedData => ({
  unitCode,
  indicatorId: v.indicatorId,
  version: v.version,
  period,
  value: orNull(v.value),
  exact: orNull(v.exact),
  numerator: orNull(v.numerator),
  denominator: orNull(v.denominator),
  target: orNull(v.target),
  attainment: orNull(v.attainment),
  rank: orNull(v.rank),
  missing: orNull(v.missing),
  revision,
  position,
});

/** What a value is compared on: everything but the position it reflects. */
const figuresOf = (data: IndicatorChangedData): string =>
  JSON.stringify({ ...data, position: undefined, revision: undefined });

const neverCounted = (v: UnitIndicator) => !v.numerator && !v.denominator;

async function changedIn(tx: Tx, touched: ReadonlyMap<Period, readonly TouchedUnit[]>, stamp: Stamp) {
  const catalog = inCatalogOrder(new Set([...touched.values()].flat().flatMap((t) => t.indicators)));
  const values = await valuesOf(tx, touched, catalog);
  const units = new Set([...values.values()].flatMap((byUnit) => [...byUnit.keys()]));
  const { rows } = await tx.query<{
    unit_code: string;
    indicator_id: string;
    period: string;
    figures: string;
  }>(
    `SELECT unit_code, indicator_id, period, figures FROM kpi_published
      WHERE unit_code = ANY($1) AND period = ANY($2) AND indicator_id = ANY($3)`,
    [[...units], [...touched.keys()].map((p) => p.key), catalog.map((d) => d.id)],
  );
  const last = new Map(rows.map((r) => [`${r.unit_code}/${r.period}/${r.indicator_id}`, r.figures]));
  return [...values].flatMap(([period, byUnit]) =>
    [...byUnit].flatMap(([unit, list]) => {
      const key = (indicatorId: string) => `${unit}/${period.key}/${indicatorId}`;
      return list
        .filter((v) => last.has(key(v.indicatorId)) || !neverCounted(v))
        .map((v) => dataOf(unit, period.key, v, stamp))
        .filter((data) => last.get(key(data.indicatorId)) !== figuresOf(data));
    }),
  );
}

/**
 * The touched periods in groups of about `budget` (unit, period) pairs. A group's figures are read in
 * one statement for every unit of the group in each of its periods; a statistic reported for every
 * commune of a province reaches each one's published days, months and quarters (statistic-reach.ts),
 * and read as one group that would be every commune in every period. A batch of activities stays
 * far below it, so its figures are still one statement.
 */
export function inSlices<P, U>(
  periods: ReadonlyMap<P, readonly U[]>,
  budget = 20_000,
): Map<P, readonly U[]>[] {
  const slices: Map<P, readonly U[]>[] = [];
  let slice = new Map<P, readonly U[]>();
  let pairs = 0;
  for (const [period, units] of periods) {
    if (slice.size > 0 && pairs + units.length > budget) {
      slices.push(slice);
      slice = new Map<P, readonly U[]>();
      pairs = 0;
    }
    slice.set(period, units);
    pairs += units.length;
  }
  if (slice.size > 0) slices.push(slice);
  return slices;
}

const upsertSql = `
  WITH ${forgetVersionsOutOfStep}
  INSERT INTO kpi_published (unit_code, indicator_id, period, version, figures)
  SELECT p.unit_code, p.indicator_id, p.period, p.version, p.figures
    FROM jsonb_to_recordset($1::jsonb) AS p(unit_code text, indicator_id text, period text, version int, figures text)
  ON CONFLICT (unit_code, indicator_id, period) DO UPDATE SET version = EXCLUDED.version, figures = EXCLUDED.figures`;

const publishLock = `pg_advisory_xact_lock(hashtext('nhip.kpi.publish'))`;

/**
 * Takes the lock `publishChanges` takes, early: a writer that chooses what to publish from what was
 * published (a statistic's reach) must not read it while another writer is publishing, or a value
 * that one publishes from the old figures escapes both. Held until the transaction ends.
 */
export async function holdPublishLock(tx: Tx): Promise<void> {
  await tx.query(`SELECT ${publishLock}`);
}

/** Publishes the changed values; `cause` (the batch's first event id) makes message ids repeatable. */
export async function publishChanges(
  tx: Tx,
  touched: readonly Touched[],
  position: string,
  cause: string,
): Promise<number> {
  // An input no indicator reads (the count of activities of a kind) moves nothing: no lock, no revision.
  const asked = touched.filter((t) => t.indicators.length > 0);
  if (asked.length === 0) return 0;
  // Writers of different inputs (a batch, a target) would otherwise each compute from a snapshot
  // without the other's change and the later commit would publish a stale value: the lock makes
  // the second wait, and under READ COMMITTED its reads then see the first one's commit.
  // One round trip: the lock is taken (FROM) before the revision is drawn (the select list).
  const { rows: taken } = await tx.query<{ revision: string }>(
    `SELECT nextval('kpi_revisions')::text AS revision FROM (SELECT ${publishLock}) AS locked`,
  );
  const stamp = { position, revision: taken[0]?.revision ?? '0' };
  const periods = new Map<Period, TouchedUnit[]>();
  for (const [key, pairs] of Map.groupBy(asked, (t) => t.period)) {
    const period = parsePeriod(key);
    if (period) periods.set(period, touchedUnits(pairs));
  }
  const changed: IndicatorChangedData[] = [];
  for (const slice of inSlices(periods)) changed.push(...(await changedIn(tx, slice, stamp)));
  if (changed.length === 0) return 0;
  const rows = changed.map((d) => ({
    unit_code: d.unitCode,
    indicator_id: d.indicatorId,
    period: d.period,
    version: d.version,
    figures: figuresOf(d),
  }));
  await tx.query(upsertSql, [JSON.stringify(rows), ...versionsWritten(changed)]);
  const messages = changed.map((d) => publicMessage(IndicatorChangedV1, d));
  await writeOutbox(tx, toOutboxMessages(messages, `kpi/${cause}`, new Date().toISOString()));
  return changed.length;
}

/** The ledger's last position: what a value computed now reflects. */
export async function ledgerPosition(tx: Tx): Promise<string> {
  const { rows } = await tx.query<{ last: string | null }>('SELECT max(id)::text AS last FROM kpi_deltas');
  return rows[0]?.last ?? '0';
}
