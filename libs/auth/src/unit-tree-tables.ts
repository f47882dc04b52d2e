// The UnitTreePort every service answers the same way over its own copy of the unit trees (the
// registry's read model, the replicas, the KPI's tables): only the table names differ, so the port
// is one class given them. Placing many units is one statement (the tree in force found inside it),
// so a scoped check costs two round trips with the scope roots, not three.
import { scopeRootsReader, type ScopeRootsDb, type UnitTreeTables } from './scope-roots.ts';
import type { Placement, UnitTreePort } from './scope.ts';

/** The units of the tree in force on `$1` among the codes `$2`, with their paths. */
const placesSql = ({ trees, units }: UnitTreeTables): string =>
  `SELECT u.code, u.tree_version AS "treeVersion", u.path FROM ${units} u
    WHERE u.tree_version = (SELECT tree_version FROM ${trees} WHERE effective_from <= $1::date
                             ORDER BY effective_from DESC LIMIT 1)
      AND u.code = ANY($2::text[])`;

export class UnitTreeOverTables implements UnitTreePort {
  readonly #places: string;
  readonly #scopeRoots: ReturnType<typeof scopeRootsReader>;

  constructor(
    private readonly db: ScopeRootsDb,
    tables: UnitTreeTables,
  ) {
    this.#places = placesSql(tables);
    this.#scopeRoots = scopeRootsReader(tables);
  }

  async placeOf(unitCode: string, day: string): Promise<Placement | undefined> {
    return (await this.placesOf([unitCode], day)).get(unitCode);
  }

  async placesOf(unitCodes: readonly string[], day: string): Promise<ReadonlyMap<string, Placement>> {
    const { rows } = await this.db.query(this.#places, [day, unitCodes]);
    const placed = rows as { code: string; treeVersion: string; path: string[] }[];
    return new Map(placed.map(({ code, treeVersion, path }) => [code, { treeVersion, path }]));
  }

  scopeRootsIn(scopeUnit: string, treeVersion: string, unitTree?: string): Promise<readonly Placement[]> {
    return this.#scopeRoots(this.db, scopeUnit, treeVersion, unitTree);
  }
}
