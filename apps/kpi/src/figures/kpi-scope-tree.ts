// The KPI service's answer to "is this unit in the caller's area on that date", from the unit
// trees and lineage it keeps from the registry's events: a 2024 district's scope reaches the 2025
// communes made from its communes, and a 2025 commune's the 2024 communes it was made of.
import { mostSpecific, type Placement, type UnitTreePort } from '@nhip/auth';
import type pg from 'pg';
import { treeInForce } from './tree.queries.ts';

type Db = Pick<pg.Pool, 'query'>;

export class KpiScopeTree implements UnitTreePort {
  constructor(private readonly db: Db) {}

  async placeOf(unitCode: string, day: string): Promise<Placement | undefined> {
    const treeVersion = await treeInForce(this.db, day);
    return treeVersion === undefined ? undefined : this.placementIn(treeVersion, unitCode);
  }

  async scopeRootsIn(scopeUnit: string, treeVersion: string): Promise<readonly Placement[]> {
    const own = await this.placementIn(treeVersion, scopeUnit);
    if (own) return [own];
    const { rows } = await this.db.query<{ path: string[] }>(
      `SELECT s.path FROM kpi_unit_lineage l
         JOIN kpi_units p ON p.tree_version = l.predecessor_tree_version AND p.code = l.predecessor_code
         JOIN kpi_units s ON s.tree_version = l.tree_version AND s.code = l.code
       WHERE l.tree_version = $1 AND p.path @> ARRAY[$2::text]
       UNION
       SELECT p.path FROM kpi_unit_lineage l
         JOIN kpi_units s ON s.tree_version = l.tree_version AND s.code = l.code
         JOIN kpi_units p ON p.tree_version = l.predecessor_tree_version AND p.code = l.predecessor_code
       WHERE l.predecessor_tree_version = $1 AND s.path @> ARRAY[$2::text]`,
      [treeVersion, scopeUnit],
    );
    return mostSpecific(rows.map((row) => ({ treeVersion, path: row.path })));
  }

  /** A unit's place in one tree version; undefined when that tree does not have it. */
  async placementIn(treeVersion: string, code: string): Promise<Placement | undefined> {
    const { rows } = await this.db.query<{ path: string[] }>(
      'SELECT path FROM kpi_units WHERE tree_version = $1 AND code = $2',
      [treeVersion, code],
    );
    const path = rows[0]?.path;
    return path && { treeVersion, path };
  }
}
