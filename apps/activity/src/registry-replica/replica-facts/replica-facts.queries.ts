// What validation reads from the replica, one batch of reports at a time.
import type pg from 'pg';

export { knownUnitCodes, treeVersionInForce } from '@nhip/registry-replica';

type Db = Pick<pg.Pool, 'query'>;

export interface ReplicaTeam {
  readonly teamId: string;
  readonly status: string;
  readonly treeVersion: string;
  readonly unitCode: string;
  readonly unitPath: readonly string[];
  /** The commune the team works in: its unit, or the commune above its village. */
  readonly communeCode: string;
}

export interface ReplicaPlace {
  readonly code: string;
  readonly origin: string;
  readonly path: readonly string[];
  /** The commune the place belongs to: itself, or the official unit above a village. */
  readonly communeCode: string;
}

export interface ReplicaFacts {
  readonly teams: ReadonlyMap<string, ReplicaTeam>;
  /** `${teamId}/${memberId}` of current memberships. */
  readonly memberships: ReadonlySet<string>;
  /** `${treeVersion}/${code}` → place. */
  readonly places: ReadonlyMap<string, ReplicaPlace>;
}

export async function loadReplicaFacts(
  db: Db,
  wanted: { teamIds: readonly string[]; memberIds: readonly string[]; placeCodes: readonly string[] },
): Promise<ReplicaFacts> {
  const teams = await db.query<ReplicaTeam>(
    `SELECT t.team_id AS "teamId", t.status, t.tree_version AS "treeVersion", t.unit_code AS "unitCode",
            t.unit_path AS "unitPath", CASE WHEN u.origin = 'local' THEN u.parent_code ELSE t.unit_code END AS "communeCode"
     FROM replica_teams t LEFT JOIN replica_units u ON u.tree_version = t.tree_version AND u.code = t.unit_code
     WHERE t.team_id = ANY($1::uuid[])`,
    [wanted.teamIds],
  );
  const versions = [...new Set(teams.rows.map((t) => t.treeVersion))];
  const [members, places] = await Promise.all([
    db.query<{ key: string }>(
      `SELECT team_id || '/' || member_id AS key FROM replica_team_members
       WHERE team_id = ANY($1::uuid[]) AND member_id = ANY($2::uuid[])`,
      [wanted.teamIds, wanted.memberIds],
    ),
    db.query<ReplicaPlace & { treeVersion: string }>(
      `SELECT u.tree_version AS "treeVersion", u.code, u.origin, u.path,
              CASE WHEN u.origin = 'local' THEN u.parent_code ELSE u.code END AS "communeCode"
       FROM replica_units u WHERE u.tree_version = ANY($1) AND u.code = ANY($2)`,
      [versions, wanted.placeCodes],
    ),
  ]);
  return {
    teams: new Map(teams.rows.map((t) => [t.teamId, t])),
    memberships: new Set(members.rows.map((m) => m.key)),
    places: new Map(places.rows.map(({ treeVersion, ...p }) => [`${treeVersion}/${p.code}`, p])),
  };
}
