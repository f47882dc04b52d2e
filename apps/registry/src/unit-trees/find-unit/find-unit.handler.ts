// Finding units by name in the tree in force on a date, the way people type names: each result
// carries where it is ("Tỉnh Đắk Lắk › Xã Hòa Phú") and, when found by a name from before a merger,
// that name.
import type pg from 'pg';
import { requireTreeInForce, type TreeInForce, type UnitView } from '../units/index.ts';
import { nameCandidates, placeNames, type UnitHit } from './find-unit.queries.ts';
import { rankHits, type MatchTier } from './unit-match-rank.ts';
import { parseUnitQuery } from './unit-query.ts';

export interface FoundUnit extends UnitView {
  /** Names from the province down to the unit: what to show under the result. */
  readonly place: readonly string[];
  readonly via: 'name' | 'former-name';
  /** The name that matched: the unit's own, or the predecessor's it was found by. */
  readonly matchedName: string;
  readonly match: MatchTier;
}

export interface FoundUnits extends TreeInForce {
  readonly q: string;
  readonly units: readonly FoundUnit[];
}

const unitOf = ({ code, name, type, level, parentCode, origin, path }: UnitHit): UnitView => ({
  code,
  name,
  type,
  level,
  parentCode,
  origin,
  path,
});

export async function findUnits(
  db: Pick<pg.Pool, 'query'>,
  request: { q: string; asOf?: string | undefined; limit: number },
): Promise<FoundUnits> {
  const tree = await requireTreeInForce(db, request.asOf ?? new Date());
  const query = parseUnitQuery(request.q);
  const ranked = rankHits(query, await nameCandidates(db, tree.treeVersion, query)).slice(0, request.limit);
  const names = new Map(
    (await placeNames(db, tree.treeVersion, [...new Set(ranked.flatMap(({ hit }) => hit.path))])).map(
      (place) => [place.code, place.name],
    ),
  );
  const units = ranked.map(({ hit, tier }) => ({
    ...unitOf(hit),
    place: hit.path.map((code) => names.get(code) ?? code),
    via: hit.via,
    matchedName: hit.matchedName,
    match: tier,
  }));
  return { ...tree, q: request.q, units };
}
