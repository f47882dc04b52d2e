// What a scope unit covers in a tree version, one rule for every service's copy of the unit trees
// (the registry's read model, the replicas, the KPI's). Unit codes are reused across a reform with
// another meaning: 3,316 of the 3,321 units of the 2025 list below the provinces bear a code the
// 2024 list also has, and province 15 is Yên Bái in 2024 but the new Lào Cai (Lào Cai and Yên Bái)
// in 2025. So a code alone does not say which unit a scope means: it is the unit of one tree (its
// home), and in any other tree the area is what lineage links to its subtree, even where that tree
// has a unit of the same code (ADR 0022, addendum of 2026-12-05).
import { vietnamDay } from '@nhip/contracts';
import type { Placement } from './scope.ts';

type Pathed = { readonly path: readonly string[] };

/** Whether `outer` is a unit on `inner`'s path above it. */
const holds = (outer: Pathed, inner: Pathed): boolean => {
  const code = outer.path.at(-1);
  return code !== undefined && code !== inner.path.at(-1) && inner.path.includes(code);
};

/** Units linked by lineage, none that holds another (the deepest: what a former unit became). */
export const mostSpecific = <P extends Pathed>(units: readonly P[]): P[] =>
  units.filter((unit) => !units.some((other) => holds(unit, other)));

/** Units linked by lineage, none held by another (the highest: what a new unit was made of). */
export const mostGeneral = <P extends Pathed>(units: readonly P[]): P[] =>
  units.filter((unit) => !units.some((other) => holds(other, unit)));

/** Where a service keeps the unit trees: tree versions with their dates, units with paths, lineage. */
export interface UnitTreeTables {
  readonly trees: string;
  readonly units: string;
  readonly lineage: string;
}

/** A row of `scopeRootsSql`: the scope unit itself, or a unit lineage links to its subtree. */
export interface ScopeRootRow {
  readonly via: 'own' | 'successor' | 'predecessor';
  /** The lineage link's: `full` when the whole older unit went into the newer one. */
  readonly relation: string;
  readonly path: string[];
}

/**
 * The scope roots of `$2` in tree version `$1`, as of the day `$4` (Vietnam's). `$3` is the tree the
 * scope unit is of; null, its home is the latest tree in force that has the code (a token's unit,
 * named as the identity provider names it today), or the latest of all when only a tree yet to take
 * force has it. In its home tree a scope is itself; in another, the units that lineage links to
 * units of its subtree. Two trees with no lineage between them at all (a tree imported before its
 * lineage) keep the old reading for a code named without its tree: the same code is the same unit.
 * A scope named with its tree (`$3`) is that tree's unit only; elsewhere it is what lineage says.
 * The lineage branches are skipped (one-time filters) when the scope is at home in the asked tree:
 * the common case costs two index lookups.
 */
export function scopeRootsSql({ trees, units, lineage }: UnitTreeTables): string {
  const away = '(SELECT tree_version FROM home) IS DISTINCT FROM $1';
  return `WITH home AS (
      SELECT t.tree_version FROM ${units} u JOIN ${trees} t ON t.tree_version = u.tree_version
      WHERE u.code = $2 AND ($3::text IS NULL OR t.tree_version = $3::text)
      ORDER BY t.effective_from <= $4::date DESC, t.effective_from DESC LIMIT 1)
    SELECT 'own' AS via, 'full' AS relation, u.path FROM ${units} u JOIN home ON true
      WHERE u.tree_version = $1 AND u.code = $2 AND (
        home.tree_version = $1
        OR ($3::text IS NULL AND NOT EXISTS (SELECT 1 FROM ${lineage} l
                         WHERE l.tree_version = home.tree_version AND l.predecessor_tree_version = $1)
            AND NOT EXISTS (SELECT 1 FROM ${lineage} l
                             WHERE l.predecessor_tree_version = home.tree_version AND l.tree_version = $1)))
    UNION
    SELECT 'successor', COALESCE(l.relation, 'partial'), s.path FROM ${lineage} l
      JOIN home ON home.tree_version = l.predecessor_tree_version
      JOIN ${units} p ON p.tree_version = l.predecessor_tree_version AND p.code = l.predecessor_code
      JOIN ${units} s ON s.tree_version = l.tree_version AND s.code = l.code
      WHERE ${away} AND l.tree_version = $1 AND p.path @> ARRAY[$2::text]
    UNION
    SELECT 'predecessor', COALESCE(l.relation, 'partial'), p.path FROM ${lineage} l
      JOIN home ON home.tree_version = l.tree_version
      JOIN ${units} s ON s.tree_version = l.tree_version AND s.code = l.code
      JOIN ${units} p ON p.tree_version = l.predecessor_tree_version AND p.code = l.predecessor_code
      WHERE ${away} AND l.predecessor_tree_version = $1 AND s.path @> ARRAY[$2::text]`;
}

/** `scopeRootsSql`'s parameters; `today` is Vietnam's calendar day, as every other date here. */
export const scopeRootsParams = (
  treeVersion: string,
  scopeUnit: string,
  unitTree: string | undefined,
  today = vietnamDay(new Date()),
): [string, string, string | null, string] => [treeVersion, scopeUnit, unitTree ?? null, today];

/**
 * The roots from `scopeRootsSql`'s rows. Successors, the most specific: a former province (Phú Yên,
 * 54) is linked whole to the province that absorbed it (66) and, commune by commune, to the communes
 * made from its own; those communes are its area, not all of 66 (a commune made partly from its own
 * is in it too, as a former district's figures read it, ADR 0050). Predecessors, only those that
 * went whole into the scope, the most general: the new Đắk Lắk (66) was made of the whole 2024
 * provinces 66 and 54, so in 2024 its area is those two provinces. A commune split between new
 * ones is no one's whole: none of their officers reads it, its teams or its members' personal data.
 */
export function scopeRootsFrom(treeVersion: string, rows: readonly ScopeRootRow[]): Placement[] {
  const own = rows.find((row) => row.via === 'own');
  if (own) return [{ treeVersion, path: own.path }];
  // A unit linked twice (made of one former commune whole and part of another) is one root.
  const linked = (keep: (row: ScopeRootRow) => boolean) => [
    ...new Map(
      rows
        .filter(keep)
        .map((row): [string, Placement] => [row.path.join('/'), { treeVersion, path: row.path }]),
    ).values(),
  ];
  return [
    ...mostSpecific(linked((row) => row.via === 'successor')),
    ...mostGeneral(linked((row) => row.via === 'predecessor' && row.relation === 'full')),
  ];
}

/** What a port reads through: a pool or a client (`pg`'s, or anything with its `query`). */
export interface ScopeRootsDb {
  query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/** A port's `scopeRootsIn` over its own tables: the query, its parameters and its rows' roots. */
export function scopeRootsReader(
  tables: UnitTreeTables,
): (db: ScopeRootsDb, scopeUnit: string, treeVersion: string, unitTree?: string) => Promise<Placement[]> {
  const sql = scopeRootsSql(tables);
  return async (db, scopeUnit, treeVersion, unitTree) => {
    const { rows } = await db.query(sql, scopeRootsParams(treeVersion, scopeUnit, unitTree));
    return scopeRootsFrom(treeVersion, rows as ScopeRootRow[]);
  };
}
