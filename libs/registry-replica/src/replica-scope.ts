// A service's answer to "is this unit in the caller's area on that date" (libs/auth's UnitTreePort),
// read from its registry replica: paths per tree version, and lineage to follow a scope across a
// reform. Activity and training sign in through it.
import { scopeRootsReader, type Placement, type UnitTreePort } from '@nhip/auth';
import type pg from 'pg';
import { treeVersionInForce, unitPaths } from './replica-facts.queries.ts';

type Db = Pick<pg.Pool, 'query'>;

const readScopeRoots = scopeRootsReader({
  trees: 'replica_unit_trees',
  units: 'replica_units',
  lineage: 'replica_unit_lineage',
});

export class ReplicaScopeTree implements UnitTreePort {
  constructor(private readonly db: Db) {}

  async placeOf(unitCode: string, day: string): Promise<Placement | undefined> {
    return (await this.placesOf([unitCode], day)).get(unitCode);
  }

  async placesOf(unitCodes: readonly string[], day: string): Promise<ReadonlyMap<string, Placement>> {
    const treeVersion = await treeVersionInForce(this.db, day);
    if (treeVersion === undefined) return new Map();
    const paths = await unitPaths(this.db, treeVersion, unitCodes);
    return new Map([...paths].map(([code, path]) => [code, { treeVersion, path }]));
  }

  scopeRootsIn(scopeUnit: string, treeVersion: string, unitTree?: string): Promise<readonly Placement[]> {
    return readScopeRoots(this.db, scopeUnit, treeVersion, unitTree);
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
