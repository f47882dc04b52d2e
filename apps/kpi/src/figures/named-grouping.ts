// Named groupings read like a unit (ADR 0033): the grouping's figures are its members' summed (as
// a former district's are, grouping.ts), its members are the children, ranked among themselves.
import type pg from 'pg';
import { indicatorCatalog } from '../indicators/catalog.ts';
import type { Period } from '../periods/period.ts';
import { loadFiguresByPeriod, type Figures, type FiguresAsked } from './figures.queries.ts';
import { successorsOf, withGrouping } from './grouping.ts';
import { evaluateUnits } from './indicator-values.ts';
import { laterTreeInForce, unitsIn, type TreeUnit } from './tree.queries.ts';
import { viewOf, type UnitIndicators } from './unit-view.ts';

type Db = Pick<pg.Pool, 'query'>;

/** Lower-case, starting with a letter: never mistaken for a unit code, which is digits. */
export const groupingCodePattern = /^[a-z][a-z0-9-]{1,39}$/;
export const groupingCodeRule = 'must be 2–40 characters: a lower-case letter, then letters, digits or -';

export interface NamedGrouping {
  readonly code: string;
  readonly name: string;
  readonly treeVersion: string;
  /** In code order, as the tree they were defined in has them. */
  readonly members: readonly TreeUnit[];
}

/** A replaced unit read as the grouping of its successors, `own` the unit in its own tree. */
export interface FormerUnit extends NamedGrouping {
  readonly own: TreeUnit;
}

/**
 * A unit of an earlier tree asked for a period of a later one (a 2024 district in 2026) reads as
 * the grouping of the units that replaced it in the tree in force (as GET /former-units does);
 * undefined when the unit is in force or nothing replaced it.
 */
export async function formerUnitAsGrouping(
  db: Db,
  unit: TreeUnit,
  period: Period,
  replacedIn?: string,
): Promise<FormerUnit | undefined> {
  const tree = replacedIn ?? (await laterTreeInForce(db, unit.treeVersion, period.lastDay));
  if (tree === undefined) return undefined;
  const members = await successorsOf(db, unit, tree);
  return members.length === 0
    ? undefined
    : { code: unit.code, name: unit.name, treeVersion: tree, members, own: unit };
}

export async function findGrouping(db: Db, code: string): Promise<NamedGrouping | undefined> {
  const { rows } = await db.query<{ name: string; tree_version: string; units: string[] }>(
    'SELECT name, tree_version, units FROM kpi_groupings WHERE code = $1',
    [code],
  );
  const row = rows[0];
  if (!row) return undefined;
  const members = await unitsIn(db, row.tree_version, row.units);
  members.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { code, name: row.name, treeVersion: row.tree_version, members };
}

/**
 * For each period, the members' figures with the grouping's own (their sums) under the grouping's
 * code, in one round trip; only the metrics of the indicators asked.
 */
export async function groupingFiguresByPeriod(
  db: Db,
  grouping: NamedGrouping,
  periods: readonly Period[],
  asked: FiguresAsked = {},
): Promise<Map<string, Figures>> {
  const codes = grouping.members.map((m) => m.code);
  const byPeriod = await loadFiguresByPeriod(db, codes, periods, asked);
  return new Map([...byPeriod].map(([key, figures]) => [key, withGrouping(figures, codes, grouping.code)]));
}

export async function groupingFigures(
  db: Db,
  grouping: NamedGrouping,
  period: Period,
  asked: FiguresAsked = {},
): Promise<Figures> {
  const byPeriod = await groupingFiguresByPeriod(db, grouping, [period], asked);
  return byPeriod.get(period.key) as Figures;
}

export async function groupingIndicators(
  db: Db,
  grouping: NamedGrouping,
  period: Period,
  { knownAt, catalog = indicatorCatalog }: FiguresAsked = {},
): Promise<UnitIndicators> {
  const codes = grouping.members.map((m) => m.code);
  const values = evaluateUnits(
    await groupingFigures(db, grouping, period, { knownAt, catalog }),
    [grouping.code, ...codes],
    codes,
    catalog,
  );
  return {
    unit: { code: grouping.code, name: grouping.name, treeVersion: grouping.treeVersion },
    period: period.key,
    knownAt: knownAt ?? null,
    indicators: viewOf(values.get(grouping.code) ?? [], catalog),
    children: grouping.members.map((m) => ({
      code: m.code,
      name: m.name,
      indicators: viewOf(values.get(m.code) ?? [], catalog),
    })),
    successorsIn: null,
  };
}

/**
 * A former unit's view for a period after it was replaced: the grouping of its successors, named
 * as itself in its own tree, `successorsIn` saying which tree its children come from.
 */
export async function formerUnitIndicators(
  db: Db,
  former: FormerUnit,
  period: Period,
  asked: FiguresAsked = {},
): Promise<UnitIndicators> {
  const view = await groupingIndicators(db, former, period, asked);
  const { code, name, treeVersion } = former.own;
  return {
    ...view,
    unit: { code, name, treeVersion },
    successorsIn: former.treeVersion,
  };
}
