// The registry's answer to "is this unit in the caller's area on that date" (libs/auth's
// UnitTreePort), read from its own unit read model: paths per tree version, lineage across reforms.
import type { Placement, UnitTreePort } from '@nhip/auth';
import type pg from 'pg';
import { treeInForce } from './units.queries.ts';

type Db = Pick<pg.Pool, 'query'>;

export class RegistryUnitTree implements UnitTreePort {
  constructor(private readonly db: Db) {}

  async placeOf(unitCode: string, day: string): Promise<Placement | undefined> {
    const tree = await treeInForce(this.db, day);
    if (!tree) return undefined;
    const { rows } = await this.db.query<{ path: string[] }>(
      'SELECT path FROM rm_units WHERE tree_version = $1 AND code = $2',
      [tree.treeVersion, unitCode],
    );
    const path = rows[0]?.path;
    return path && { treeVersion: tree.treeVersion, path };
  }

  async scopeRootsIn(scopeUnit: string, treeVersion: string): Promise<readonly Placement[]> {
    // Itself where the tree has it; otherwise the units of this tree recorded as successors of any
    // unit under it in the tree it belongs to (a 2024 district → its communes' 2025 successors).
    const { rows } = await this.db.query<{ path: string[] }>(
      `SELECT path FROM rm_units WHERE tree_version = $1 AND code = $2
       UNION
       SELECT s.path FROM rm_unit_lineage l
         JOIN rm_units p ON p.tree_version = l.predecessor_tree_version AND p.code = l.predecessor_code
         JOIN rm_units s ON s.tree_version = l.tree_version AND s.code = l.code
       WHERE l.tree_version = $1 AND p.path @> ARRAY[$2::text]
         AND NOT EXISTS (SELECT 1 FROM rm_units own WHERE own.tree_version = $1 AND own.code = $2)`,
      [treeVersion, scopeUnit],
    );
    return rows.map((row) => ({ treeVersion, path: row.path }));
  }
}
