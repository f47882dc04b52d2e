// What a commune of the tree in force takes over from the communes it replaced (ADR 0068): those
// communes, read back along the recorded lineage through every reform in between, with where each
// went; their villages; the commune's own villages; and their teams not dissolved.
import type pg from 'pg';
import { findUnit, type TreeInForce, type UnitView } from '../../unit-trees/units/index.ts';
import { successorsIn } from '../team-roster/index.ts';

type Db = Pick<pg.Pool, 'query'>;

export interface FormerCommune {
  readonly treeVersion: string;
  readonly code: string;
  readonly name: string;
  /** The communes of the tree in force it became: this one alone when it was taken in whole. */
  readonly successors: readonly string[];
}

export interface Village {
  readonly treeVersion: string;
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly path: readonly string[];
  readonly communeCode: string;
  /** The village of a later tree that took it over (ADR 0068); null while it counts here. */
  readonly carriedTo: { readonly treeVersion: string; readonly code: string } | null;
}

export interface WaitingTeam {
  readonly teamId: string;
  readonly name: string;
  readonly treeVersion: string;
  readonly unitCode: string;
  readonly unitPath: readonly string[];
  readonly communeCode: string;
}

export interface CarryOverFacts extends TreeInForce {
  /** The unit asked about, with how many official units it has (none for a commune). */
  readonly commune: UnitView & { readonly officialChildren: number };
  readonly formers: readonly FormerCommune[];
  readonly formerVillages: readonly Village[];
  readonly villages: readonly Village[];
  readonly teams: readonly WaitingTeam[];
}

// $1 the tree in force, $2 the commune: the communes of earlier trees the lineage leads here from
// (an official unit with no official unit under it).
const formersSql = `
  WITH RECURSIVE earlier(tree_version, code) AS (
    SELECT $1::text, $2::text
    UNION
    SELECT l.predecessor_tree_version, l.predecessor_code FROM rm_unit_lineage l
      JOIN earlier e ON l.tree_version = e.tree_version AND l.code = e.code
  )
  SELECT u.tree_version AS "treeVersion", u.code, u.name FROM earlier e JOIN rm_units u USING (tree_version, code)
  WHERE e.tree_version <> $1 AND u.origin = 'official' AND NOT EXISTS (
    SELECT 1 FROM rm_units c WHERE c.tree_version = u.tree_version AND c.parent_code = u.code AND c.origin = 'official')
  ORDER BY u.tree_version, u.code`;

const villagesSql = `
  SELECT u.tree_version AS "treeVersion", u.code, u.name, u.type, u.path, u.parent_code AS "communeCode",
         CASE WHEN u.carried_to_code IS NOT NULL
              THEN json_build_object('treeVersion', u.carried_to_tree_version, 'code', u.carried_to_code) END
           AS "carriedTo"
  FROM unnest($1::text[], $2::text[]) AS c(tree_version, code)
  JOIN rm_units u ON u.tree_version = c.tree_version AND u.parent_code = c.code AND u.origin = 'local'
  ORDER BY u.tree_version, u.code`;

const teamsSql = `
  SELECT t.team_id AS "teamId", t.name, t.tree_version AS "treeVersion", t.unit_code AS "unitCode",
         t.unit_path AS "unitPath", c.code AS "communeCode"
  FROM unnest($1::text[], $2::text[]) AS c(tree_version, code)
  JOIN rm_teams t ON t.tree_version = c.tree_version AND t.unit_path @> ARRAY[c.code]
  WHERE t.status <> 'dissolved'
  ORDER BY c.tree_version, c.code, t.unit_code, t.name`;

const placesOf = (units: readonly { treeVersion: string; code: string }[]): [string[], string[]] => [
  units.map((u) => u.treeVersion),
  units.map((u) => u.code),
];

/**
 * The facts a carry-over is planned from; undefined when the tree in force has no such unit. The
 * statements go one after the other: a carry-over reads them on its transaction's one connection,
 * after the commune's lock (carry-over.handler.ts), and a connection runs one statement at a time.
 */
export async function carryOverFacts(
  db: Db,
  tree: TreeInForce,
  code: string,
): Promise<CarryOverFacts | undefined> {
  const commune = await findUnit(db, tree.treeVersion, code);
  if (!commune) return undefined;
  const found = await db.query<Omit<FormerCommune, 'successors'>>(formersSql, [tree.treeVersion, code]);
  const formers: FormerCommune[] = [];
  for (const f of found.rows)
    formers.push({ ...f, successors: await successorsIn(db, f.treeVersion, f.code, tree.treeVersion) });
  const formerVillages = await db.query<Village>(villagesSql, placesOf(formers));
  const villages = await db.query<Village>(villagesSql, placesOf([{ treeVersion: tree.treeVersion, code }]));
  const teams = await db.query<WaitingTeam>(teamsSql, placesOf(formers));
  return {
    ...tree,
    commune,
    formers,
    formerVillages: formerVillages.rows,
    villages: villages.rows,
    teams: teams.rows,
  };
}
