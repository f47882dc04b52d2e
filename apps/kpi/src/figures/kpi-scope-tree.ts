// The KPI service's answer to "is this unit in the caller's area on that date", from the unit
// trees and lineage it keeps from the registry's events: a 2024 district's scope reaches the 2025
// communes made from its communes, and a 2025 commune's the 2024 communes it was made of.
import { scopeRootsReader, type Placement, type UnitTreePort } from '@nhip/auth';
import type pg from 'pg';
import { treeInForce } from './tree.queries.ts';

type Db = Pick<pg.Pool, 'query'>;

const readScopeRoots = scopeRootsReader({
  trees: 'kpi_unit_trees',
  units: 'kpi_units',
  lineage: 'kpi_unit_lineage',
});

export class KpiScopeTree implements UnitTreePort {
  constructor(private readonly db: Db) {}

  async placeOf(unitCode: string, day: string): Promise<Placement | undefined> {
    return (await this.placesOf([unitCode], day)).get(unitCode);
  }

  async placesOf(unitCodes: readonly string[], day: string): Promise<ReadonlyMap<string, Placement>> {
    const treeVersion = await treeInForce(this.db, day);
    if (treeVersion === undefined) return new Map();
    const { rows } = await this.db.query<{ code: string; path: string[] }>(
      'SELECT code, path FROM kpi_units WHERE tree_version = $1 AND code = ANY($2)',
      [treeVersion, unitCodes],
    );
    return new Map(rows.map(({ code, path }) => [code, { treeVersion, path }]));
  }

  scopeRootsIn(scopeUnit: string, treeVersion: string, unitTree?: string): Promise<readonly Placement[]> {
    return readScopeRoots(this.db, scopeUnit, treeVersion, unitTree);
  }
}
