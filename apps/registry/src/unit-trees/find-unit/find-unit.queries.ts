// Candidates for a name search in one tree version: units whose own name, or whose predecessor's
// name across a reform (rm_unit_lineage), contains every typed word or fits the typed initials.
// Names are compared folded (rm_units.search_name, kept by PostgreSQL by the rules of foldName).
import type pg from 'pg';
import type { UnitQuery } from './unit-query.ts';
import type { NameHit } from './unit-match-rank.ts';
import type { UnitView } from '../units/index.ts';

type Db = Pick<pg.Pool, 'query'>;

export type UnitHit = NameHit & UnitView & { readonly matchedName: string };

const unitColumns = `u.code, u.name, u.type, u.level, u.parent_code AS "parentCode", u.origin, u.path`;

// Enough candidates to rank a one-letter query sensibly; ranking keeps the best of them.
const candidateLimit = 400;

const searchSql = `
  WITH named AS (
    SELECT u.code, u.name AS "matchedName", u.search_name AS folded, 'name' AS via
    FROM rm_units u WHERE u.tree_version = $1
    UNION ALL
    SELECT l.code, p.name, p.search_name, 'former-name' FROM rm_unit_lineage l
    JOIN rm_units p ON p.tree_version = l.predecessor_tree_version AND p.code = l.predecessor_code
    WHERE l.tree_version = $1
  ), matched AS (
    SELECT * FROM named WHERE folded LIKE ALL($2::text[]) OR folded ~ $3
    -- Names where a typed word opens a word come first, short names before long ones.
    ORDER BY folded ~ $4 DESC, length(folded) LIMIT ${candidateLimit}
  )
  SELECT ${unitColumns}, m."matchedName", m.folded AS "matchedFolded", m.via
  FROM matched m JOIN rm_units u ON u.tree_version = $1 AND u.code = m.code`;

function likePatterns(query: UnitQuery): string[] {
  const escape = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);
  const words = query.words.map((word) => `%${escape(word)}%`);
  return query.type ? [`${query.type} %`, ...words] : words;
}

/** "bmt" → words starting b, m, t ending the name; never matches when the query is not one word. */
function initialsPattern(query: UnitQuery): string {
  const [word] = query.words;
  if (query.words.length !== 1 || !word || word.length < 2) return '$^';
  return `(^| )${Array.from(word, (letter) => `${letter}[a-z0-9]*`).join(' ')}$`;
}

export async function nameCandidates(db: Db, treeVersion: string, query: UnitQuery): Promise<UnitHit[]> {
  const { rows } = await db.query<UnitHit>(searchSql, [
    treeVersion,
    likePatterns(query),
    initialsPattern(query),
    query.words[0] ? `(^| )${query.words[0]}` : '^',
  ]);
  return rows;
}

export interface PlaceName {
  readonly code: string;
  readonly name: string;
}

/** Names of the units on the given paths, so each result can say where it is. */
export async function placeNames(
  db: Db,
  treeVersion: string,
  codes: readonly string[],
): Promise<PlaceName[]> {
  const { rows } = await db.query<PlaceName>(
    `SELECT code, name FROM rm_units WHERE tree_version = $1 AND code = ANY($2)`,
    [treeVersion, codes],
  );
  return rows;
}
