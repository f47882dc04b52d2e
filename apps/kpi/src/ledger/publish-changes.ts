// After a batch: the indicators of the (unit, period) pairs it touched are computed again, ranked
// among siblings, compared with what was last published, and only the changed ones are written to
// the outbox, in the batch's transaction (ADR 0027).
import { IndicatorChangedV1, type IndicatorChangedData } from '@nhip/contracts';
import { publicMessage, toOutboxMessages, writeOutbox, type Tx } from '@nhip/event-sourcing';
import { loadFigures } from '../figures/figures.queries.ts';
import { evaluateUnits, orNull, type UnitIndicator } from '../figures/indicator-values.ts';
import { childrenOf, treeInForce, unitsIn, type TreeUnit } from '../figures/tree.queries.ts';
import { parsePeriod, type Period } from '../periods/period.ts';

export interface Touched {
  readonly unitCode: string;
  readonly period: string;
}

/** The touched units' siblings (themselves included) in the tree in force for the period. */
async function siblingsOf(tx: Tx, period: Period, units: readonly string[]): Promise<TreeUnit[]> {
  const tree = await treeInForce(tx, period.lastDay);
  if (!tree) return [];
  const placed = await unitsIn(tx, tree, units);
  const parents = [...new Set(placed.map((u) => u.parentCode).filter((p): p is string => p !== null))];
  return parents.length > 0 ? childrenOf(tx, tree, parents) : [];
}

/**
 * Each touched unit's indicators and its siblings', ranked among them in the tree in force for the
 * period: one unit's new value can move a sibling's rank without changing its figures.
 */
async function valuesOf(
  tx: Tx,
  period: Period,
  units: readonly string[],
): Promise<Map<string, UnitIndicator[]>> {
  const siblings = await siblingsOf(tx, period, units);
  const all = [...new Set([...units, ...siblings.map((s) => s.code)])];
  const figures = await loadFigures(tx, all, period);
  const values = new Map<string, UnitIndicator[]>();
  const groups = Map.groupBy(siblings, (s) => s.parentCode ?? '');
  for (const group of groups.values()) {
    const codes = group.map((s) => s.code);
    for (const [unit, list] of evaluateUnits(figures, codes)) values.set(unit, list);
  }
  for (const unit of units.filter((u) => !values.has(u))) {
    for (const [code, list] of evaluateUnits(figures, [unit], [])) values.set(code, list);
  }
  return values;
}

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

async function changedIn(tx: Tx, period: Period, units: readonly string[], stamp: Stamp) {
  const values = await valuesOf(tx, period, units);
  const { rows } = await tx.query<{ unit_code: string; indicator_id: string; figures: string }>(
    'SELECT unit_code, indicator_id, figures FROM kpi_published WHERE unit_code = ANY($1) AND period = $2',
    [[...values.keys()], period.key],
  );
  const last = new Map(rows.map((r) => [`${r.unit_code}/${r.indicator_id}`, r.figures]));
  return [...values].flatMap(([unit, list]) =>
    list
      .filter((v) => last.has(`${unit}/${v.indicatorId}`) || !neverCounted(v))
      .map((v) => dataOf(unit, period.key, v, stamp))
      .filter((data) => last.get(`${unit}/${data.indicatorId}`) !== figuresOf(data)),
  );
}

const upsertSql = `
  INSERT INTO kpi_published (unit_code, indicator_id, period, version, figures)
  SELECT p.unit_code, p.indicator_id, p.period, p.version, p.figures
    FROM jsonb_to_recordset($1::jsonb) AS p(unit_code text, indicator_id text, period text, version int, figures text)
  ON CONFLICT (unit_code, indicator_id, period) DO UPDATE SET version = EXCLUDED.version, figures = EXCLUDED.figures`;

/** Publishes the changed values; `cause` (the batch's first event id) makes message ids repeatable. */
export async function publishChanges(
  tx: Tx,
  touched: readonly Touched[],
  position: string,
  cause: string,
): Promise<number> {
  // Writers of different inputs (a batch, a target) would otherwise each compute from a snapshot
  // without the other's change and the later commit would publish a stale value: the lock makes
  // the second wait, and under READ COMMITTED its reads then see the first one's commit.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('nhip.kpi.publish'))`);
  const { rows: taken } = await tx.query<{ revision: string }>(
    `SELECT nextval('kpi_revisions')::text AS revision`,
  );
  const stamp = { position, revision: taken[0]?.revision ?? '0' };
  const changed: IndicatorChangedData[] = [];
  for (const [key, pairs] of Map.groupBy(touched, (t) => t.period)) {
    const period = parsePeriod(key);
    if (period)
      changed.push(...(await changedIn(tx, period, [...new Set(pairs.map((p) => p.unitCode))], stamp)));
  }
  if (changed.length === 0) return 0;
  const rows = changed.map((d) => ({
    unit_code: d.unitCode,
    indicator_id: d.indicatorId,
    period: d.period,
    version: d.version,
    figures: figuresOf(d),
  }));
  await tx.query(upsertSql, [JSON.stringify(rows)]);
  const messages = changed.map((d) => publicMessage(IndicatorChangedV1, d));
  await writeOutbox(tx, toOutboxMessages(messages, `kpi/${cause}`, new Date().toISOString()));
  return changed.length;
}

/** The ledger's last position: what a value computed now reflects. */
export async function ledgerPosition(tx: Tx): Promise<string> {
  const { rows } = await tx.query<{ last: string | null }>('SELECT max(id)::text AS last FROM kpi_deltas');
  return rows[0]?.last ?? '0';
}
