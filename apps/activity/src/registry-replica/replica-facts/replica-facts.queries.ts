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

// One statement, one round trip: the teams, then the memberships and the places in the trees those
// teams are in. Three queries before, two of them after the first and on connections of their own:
// for one report (POST /activities) that was three of its four round trips, and bench:command found
// the service spending its time waiting for pool connections and in the socket writes of them.
// Prepared once per connection: the statement is the same for every batch.
const replicaFactsSql = `
  WITH t AS MATERIALIZED (
    SELECT t.team_id, t.status, t.tree_version, t.unit_code, t.unit_path,
           CASE WHEN u.origin = 'local' THEN u.parent_code ELSE t.unit_code END AS commune_code
      FROM replica_teams t
      LEFT JOIN replica_units u ON u.tree_version = t.tree_version AND u.code = t.unit_code
     WHERE t.team_id = ANY($1::uuid[]))
  SELECT 'team' AS part, team_id::text AS key, status, tree_version AS "treeVersion", unit_code AS code,
         unit_path AS path, commune_code AS "communeCode", NULL::text AS origin
    FROM t
  UNION ALL
  SELECT 'member', m.team_id || '/' || m.member_id, NULL, NULL, NULL, NULL, NULL, NULL
    FROM replica_team_members m
   WHERE m.team_id = ANY($1::uuid[]) AND m.member_id = ANY($2::uuid[])
  UNION ALL
  SELECT 'place', NULL, NULL, u.tree_version, u.code, u.path,
         CASE WHEN u.origin = 'local' THEN u.parent_code ELSE u.code END, u.origin
    FROM replica_units u
   WHERE u.tree_version IN (SELECT tree_version FROM t) AND u.code = ANY($3::text[])`;

interface FactRow {
  readonly part: 'team' | 'member' | 'place';
  readonly key: string | null;
  readonly status: string | null;
  readonly treeVersion: string | null;
  readonly code: string | null;
  readonly path: string[] | null;
  readonly communeCode: string | null;
  readonly origin: string | null;
}

const teamOf = (row: FactRow): ReplicaTeam => ({
  teamId: row.key ?? '',
  status: row.status ?? '',
  treeVersion: row.treeVersion ?? '',
  unitCode: row.code ?? '',
  unitPath: row.path ?? [],
  communeCode: row.communeCode ?? '',
});

const placeOf = (row: FactRow): ReplicaPlace => ({
  code: row.code ?? '',
  origin: row.origin ?? '',
  path: row.path ?? [],
  communeCode: row.communeCode ?? '',
});

export async function loadReplicaFacts(
  db: Db,
  wanted: { teamIds: readonly string[]; memberIds: readonly string[]; placeCodes: readonly string[] },
): Promise<ReplicaFacts> {
  const { rows } = await db.query<FactRow>({
    name: 'activity.replica-facts',
    text: replicaFactsSql,
    values: [wanted.teamIds, wanted.memberIds, wanted.placeCodes],
  });
  const of = (part: FactRow['part']) => rows.filter((row) => row.part === part);
  return {
    teams: new Map(of('team').map((row) => [row.key ?? '', teamOf(row)])),
    memberships: new Set(of('member').map((row) => row.key ?? '')),
    places: new Map(of('place').map((row) => [`${row.treeVersion ?? ''}/${row.code ?? ''}`, placeOf(row)])),
  };
}
