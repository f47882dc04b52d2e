// The registry's answer to "is this unit in the caller's area on that date" (libs/auth's
// UnitTreePort), read from its own unit read model: paths per tree version, lineage across reforms.
import { scopeRootsReader, type Placement, type UnitTreePort } from '@nhip/auth';
import type pg from 'pg';
import { treeInForce } from './units.queries.ts';

type Db = Pick<pg.Pool, 'query'>;

const readScopeRoots = scopeRootsReader({
  trees: 'rm_unit_trees',
  units: 'rm_units',
  lineage: 'rm_unit_lineage',
});

export class RegistryUnitTree implements UnitTreePort {
  constructor(private readonly db: Db) {}

  async placeOf(unitCode: string, day: string): Promise<Placement | undefined> {
    return (await this.placesOf([unitCode], day)).get(unitCode);
  }

  async placesOf(unitCodes: readonly string[], day: string): Promise<ReadonlyMap<string, Placement>> {
    const tree = await treeInForce(this.db, day);
    if (!tree) return new Map();
    const { rows } = await this.db.query<{ code: string; path: string[] }>(
      'SELECT code, path FROM rm_units WHERE tree_version = $1 AND code = ANY($2)',
      [tree.treeVersion, unitCodes],
    );
    return new Map(rows.map(({ code, path }) => [code, { treeVersion: tree.treeVersion, path }]));
  }

  scopeRootsIn(scopeUnit: string, treeVersion: string, unitTree?: string): Promise<readonly Placement[]> {
    return readScopeRoots(this.db, scopeUnit, treeVersion, unitTree);
  }
}
