// A service's answer to "is this unit in the caller's area on that date" (libs/auth's UnitTreePort),
// read from its registry replica: paths per tree version, and lineage to follow a scope across a
// reform. Activity and training sign in through it.
import {
  scopeRootsFrom,
  scopeRootsParams,
  scopeRootsSql,
  type Placement,
  type ScopeRootRow,
  type UnitTreePort,
} from '@nhip/auth';
import type pg from 'pg';
import { treeVersionInForce } from './replica-facts.queries.ts';

type Db = Pick<pg.Pool, 'query'>;

const scopeRoots = scopeRootsSql({
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

  async scopeRootsIn(
    scopeUnit: string,
    treeVersion: string,
    unitTree?: string,
  ): Promise<readonly Placement[]> {
    const { rows } = await this.db.query<ScopeRootRow>(
      scopeRoots,
      scopeRootsParams(treeVersion, scopeUnit, unitTree),
    );
    return scopeRootsFrom(treeVersion, rows);
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
