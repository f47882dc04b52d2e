// A service's answer to "is this unit in the caller's area on that date" (libs/auth's UnitTreePort),
// read from its registry replica: paths per tree version, and lineage to follow a scope across a
// reform. Activity and training sign in through it.
import { mostSpecific, type Placement, type UnitTreePort } from '@nhip/auth';
import type pg from 'pg';
import { treeVersionInForce } from './replica-facts.queries.ts';

type Db = Pick<pg.Pool, 'query'>;

export class ReplicaScopeTree implements UnitTreePort {
  constructor(private readonly db: Db) {}

  async placeOf(unitCode: string, day: string): Promise<Placement | undefined> {
    const treeVersion = await treeVersionInForce(this.db, day);
    return treeVersion === undefined ? undefined : this.#placement(treeVersion, unitCode);
  }

  async scopeRootsIn(scopeUnit: string, treeVersion: string): Promise<readonly Placement[]> {
    const own = await this.#placement(treeVersion, scopeUnit);
    if (own) return [own];
    // As the registry does: units of this tree linked by lineage to units under the scope unit in
    // its own tree, successors (2024 district → 2025 communes) or predecessors (the reverse).
    const { rows } = await this.db.query<{ path: string[] }>(
      `SELECT s.path FROM replica_unit_lineage l
         JOIN replica_units p ON p.tree_version = l.predecessor_tree_version AND p.code = l.predecessor_code
         JOIN replica_units s ON s.tree_version = l.tree_version AND s.code = l.code
       WHERE l.tree_version = $1 AND p.path @> ARRAY[$2::text]
       UNION
       SELECT p.path FROM replica_unit_lineage l
         JOIN replica_units s ON s.tree_version = l.tree_version AND s.code = l.code
         JOIN replica_units p ON p.tree_version = l.predecessor_tree_version AND p.code = l.predecessor_code
       WHERE l.predecessor_tree_version = $1 AND s.path @> ARRAY[$2::text]`,
      [treeVersion, scopeUnit],
    );
    return mostSpecific(rows.map((row) => ({ treeVersion, path: row.path })));
  }

  async #placement(treeVersion: string, code: string): Promise<Placement | undefined> {
    const { rows } = await this.db.query<{ path: string[] }>(
      'SELECT path FROM replica_units WHERE tree_version = $1 AND code = $2',
      [treeVersion, code],
    );
    const path = rows[0]?.path;
    return path && { treeVersion, path };
  }
}

/** Where each known team works (its tree version and unit path), for the scope of a write. */
export async function teamPlacements(db: Db, teamIds: readonly string[]): Promise<Map<string, Placement>> {
  const { rows } = await db.query<{ teamId: string; treeVersion: string; path: string[] }>(
    `SELECT team_id AS "teamId", tree_version AS "treeVersion", unit_path AS path
     FROM replica_teams WHERE team_id = ANY($1::uuid[])`,
    [teamIds],
  );
  return new Map(rows.map((r) => [r.teamId, { treeVersion: r.treeVersion, path: r.path }]));
}
