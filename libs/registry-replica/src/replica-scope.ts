// A service's answer to "is this unit in the caller's area on that date" (libs/auth's UnitTreePort),
// read from its registry replica: paths per tree version, and lineage to follow a scope across a
// reform. Activity and training sign in through it.
import { scopeRootsReader, type Placement, type UnitTreePort } from '@nhip/auth';
import type pg from 'pg';
import { treeVersionInForce } from './replica-facts.queries.ts';

type Db = Pick<pg.Pool, 'query'>;

const readScopeRoots = scopeRootsReader({
  trees: 'replica_unit_trees',
  units: 'replica_units',
  lineage: 'replica_unit_lineage',
});

export class ReplicaScopeTree implements UnitTreePort {
  constructor(private readonly db: Db) {}

  async placeOf(unitCode: string, day: string): Promise<Placement | undefined> {
    const treeVersion = await treeVersionInForce(this.db, day);
    return treeVersion === undefined ? undefined : this.#placement(treeVersion, unitCode);
  }

  scopeRootsIn(scopeUnit: string, treeVersion: string, unitTree?: string): Promise<readonly Placement[]> {
    return readScopeRoots(this.db, scopeUnit, treeVersion, unitTree);
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
