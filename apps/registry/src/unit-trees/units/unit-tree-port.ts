// The registry's answer to "is this unit in the caller's area on that date" (libs/auth's
// UnitTreePort), read from its own unit read model: paths per tree version, lineage across reforms.
import { mostSpecific, type Placement, type UnitTreePort } from '@nhip/auth';
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
    // Itself where the tree has it; otherwise the units of this tree linked by lineage to units
    // under it in its own tree, either way across a reform: a 2024 district → the 2025 communes its
    // communes became, a 2025 commune → the 2024 communes it was made of.
    const { rows } = await this.db.query<{ path: string[] }>(
      `WITH own AS (SELECT path FROM rm_units WHERE tree_version = $1 AND code = $2)
       SELECT path FROM own
       UNION
       SELECT s.path FROM rm_unit_lineage l
         JOIN rm_units p ON p.tree_version = l.predecessor_tree_version AND p.code = l.predecessor_code
         JOIN rm_units s ON s.tree_version = l.tree_version AND s.code = l.code
       WHERE l.tree_version = $1 AND p.path @> ARRAY[$2::text] AND NOT EXISTS (SELECT 1 FROM own)
       UNION
       SELECT p.path FROM rm_unit_lineage l
         JOIN rm_units s ON s.tree_version = l.tree_version AND s.code = l.code
         JOIN rm_units p ON p.tree_version = l.predecessor_tree_version AND p.code = l.predecessor_code
       WHERE l.predecessor_tree_version = $1 AND s.path @> ARRAY[$2::text] AND NOT EXISTS (SELECT 1 FROM own)`,
      [treeVersion, scopeUnit],
    );
    return mostSpecific(rows.map((row) => ({ treeVersion, path: row.path })));
  }
}
