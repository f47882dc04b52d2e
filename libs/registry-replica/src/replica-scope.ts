// A service's answer to "is this unit in the caller's area on that date" (libs/auth's UnitTreePort),
// read from its registry replica: paths per tree version, and lineage to follow a scope across a
// reform. Activity and training sign in through it.
import { UnitTreeOverTables, type Placement } from '@nhip/auth';
import type pg from 'pg';

type Db = Pick<pg.Pool, 'query'>;

export class ReplicaScopeTree extends UnitTreeOverTables {
  constructor(db: Db) {
    super(db, { trees: 'replica_unit_trees', units: 'replica_units', lineage: 'replica_unit_lineage' });
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
