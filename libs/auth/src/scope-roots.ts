// What a scope unit covers in a tree version, one rule for every service's copy of the unit trees
// (the registry's read model, the replicas, the KPI's). Unit codes are reused across a reform with
// another meaning: 3,316 of the 3,321 units of the 2025 list below the provinces bear a code the
// 2024 list also has, and province 15 is Yên Bái in 2024 but the new Lào Cai (Lào Cai and Yên Bái)
// in 2025. So a code alone does not say which unit a scope means: it is the unit of one tree (its
// home), and in any other tree the area is what lineage links to its subtree, even where that tree
// has a unit of the same code (ADR 0022, addendum of 2026-12-05).
import type { Placement } from './scope.ts';

/** Units linked by lineage, none that holds another (the deepest: what a former unit became). */
export const mostSpecific = <P extends { readonly path: readonly string[] }>(units: readonly P[]): P[] =>
  units.filter((unit) => {
    const code = unit.path.at(-1);
    return !units.some(
      (other) => other.path.at(-1) !== code && code !== undefined && other.path.includes(code),
    );
  });

/** Units linked by lineage, none held by another (the highest: what a new unit was made of). */
export const mostGeneral = <P extends { readonly path: readonly string[] }>(units: readonly P[]): P[] =>
  units.filter((unit) => {
    const code = unit.path.at(-1);
    return !units.some((other) => {
      const above = other.path.at(-1);
      return above !== undefined && above !== code && unit.path.includes(above);
    });
  });

/** Where a service keeps the unit trees: tree versions with their dates, units with paths, lineage. */
export interface UnitTreeTables {
  readonly trees: string;
  readonly units: string;
  readonly lineage: string;
}

/** A row of `scopeRootsSql`: the scope unit itself, or a unit lineage links to its subtree. */
export interface ScopeRootRow {
  readonly via: 'own' | 'successor' | 'predecessor';
  readonly path: string[];
}

/**
 * The scope roots of `$2` in tree version `$1`. `$3` is the tree the scope unit is of; null, its home
 * is the latest tree in force that has the code (a token's unit, named as the identity provider
 * names it today), or the latest of all when only a tree yet to take force has it. In its home
 * tree a scope is itself; in another, the units that lineage links to units of its subtree.
 */
export function scopeRootsSql({ trees, units, lineage }: UnitTreeTables): string {
  return `WITH home AS (
      SELECT t.tree_version FROM ${units} u JOIN ${trees} t ON t.tree_version = u.tree_version
      WHERE u.code = $2 AND ($3::text IS NULL OR t.tree_version = $3::text)
      ORDER BY t.effective_from <= CURRENT_DATE DESC, t.effective_from DESC LIMIT 1)
    SELECT 'own' AS via, u.path FROM ${units} u JOIN home ON home.tree_version = u.tree_version
      WHERE u.tree_version = $1 AND u.code = $2
    UNION
    SELECT 'successor', s.path FROM ${lineage} l
      JOIN home ON home.tree_version = l.predecessor_tree_version
      JOIN ${units} p ON p.tree_version = l.predecessor_tree_version AND p.code = l.predecessor_code
      JOIN ${units} s ON s.tree_version = l.tree_version AND s.code = l.code
      WHERE l.tree_version = $1 AND p.path @> ARRAY[$2::text]
    UNION
    SELECT 'predecessor', p.path FROM ${lineage} l
      JOIN home ON home.tree_version = l.tree_version
      JOIN ${units} s ON s.tree_version = l.tree_version AND s.code = l.code
      JOIN ${units} p ON p.tree_version = l.predecessor_tree_version AND p.code = l.predecessor_code
      WHERE l.predecessor_tree_version = $1 AND s.path @> ARRAY[$2::text]`;
}

/**
 * The roots from `scopeRootsSql`'s rows. Successors, the most specific: a former province (Phú Yên,
 * 54) is linked whole to the province that absorbed it (66) and, commune by commune, to the communes
 * made from its own; those communes are its area, not all of 66. Predecessors, the most general: the
 * new Đắk Lắk (66) was made of the whole 2024 provinces 66 and 54, so in 2024 its area is those two
 * provinces, inside whole (their communes, linked one by one too, are under them).
 */
export function scopeRootsFrom(treeVersion: string, rows: readonly ScopeRootRow[]): Placement[] {
  const own = rows.find((row) => row.via === 'own');
  if (own) return [{ treeVersion, path: own.path }];
  const linked = (via: ScopeRootRow['via']) =>
    rows.filter((row) => row.via === via).map((row): Placement => ({ treeVersion, path: row.path }));
  return [...mostSpecific(linked('successor')), ...mostGeneral(linked('predecessor'))];
}
