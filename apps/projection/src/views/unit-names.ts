// Units with the names the projection keeps (the registry's, as its events carried them; the code
// where none came), for lists the projection makes itself: a former unit's successors, the units
// above a unit.
import type pg from 'pg';

type Db = Pick<pg.Pool, 'query'>;

export interface NamedUnit {
  readonly code: string;
  readonly name: string;
}

const namedSql = `
  SELECT u.code, coalesce(n.name, u.code) AS name
  FROM unnest($2::text[]) WITH ORDINALITY AS a(code, place)
  JOIN replica_units u ON u.tree_version = $1 AND u.code = a.code
  LEFT JOIN projection_unit_names n ON n.tree_version = u.tree_version AND n.code = u.code
  ORDER BY a.place`;

/** The units of `codes` in the tree, named, in the order given; a code the tree lacks is left out. */
export async function namedUnits(
  db: Db,
  treeVersion: string,
  codes: readonly string[],
): Promise<NamedUnit[]> {
  return (await db.query<NamedUnit>(namedSql, [treeVersion, codes])).rows;
}
