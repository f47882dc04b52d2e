// What a commune formed by a reform takes over, decided from the facts alone (ADR 0068). A former
// commune taken in whole brings its villages (registered again under the new commune, by name)
// and its teams (moved to their village's new counterpart, or to the commune). What needs a
// person stays, saying why: a commune split among several, or two villages of one name, until the
// person says which village it became (carry-over.links.ts). A village taken over already says where.
import { sameName } from '../../villages/village.ts';
import { withLinks, type VillageLink } from './carry-over.links.ts';
import type { CarryOverFacts, FormerCommune, Village, WaitingTeam } from './carry-over.queries.ts';

export type LeftBecause = 'split' | 'name_taken' | 'village_left' | 'outside_area' | 'refused';

export interface PlannedVillage {
  readonly from: Pick<Village, 'treeVersion' | 'code' | 'name' | 'type' | 'communeCode'>;
  /**
   * `register` under the commune, the village of that name it `exists` as already, the village a
   * person said it became (`linked`), or the one that took it over before (`carried`).
   */
  readonly action: 'register' | 'exists' | 'linked' | 'carried' | 'left';
  /** Its code in the tree in force; for a village to register, known once registered. */
  readonly to: string | null;
  readonly why: string | null;
  readonly because: LeftBecause | null;
}

export interface PlannedTeam {
  readonly team: WaitingTeam;
  readonly action: 'move' | 'left';
  /** The unit it moves to: the commune, or its village's counterpart (by name until registered). */
  readonly to: { readonly code: string | null; readonly villageName: string | null } | null;
  readonly why: string | null;
  readonly because: LeftBecause | null;
  readonly movesTo: readonly string[];
}

export interface CarryOverPlan {
  readonly treeVersion: string;
  readonly commune: { readonly code: string; readonly name: string };
  readonly formers: readonly (FormerCommune & { readonly whole: boolean })[];
  readonly villages: readonly PlannedVillage[];
  readonly teams: readonly PlannedTeam[];
}

const left = (because: LeftBecause, why: string) => ({ action: 'left' as const, because, why });

type Former = FormerCommune & { readonly whole: boolean };
/** A unit's key across trees: a code alone may repeat in another tree. */
export const placeOf = (p: { treeVersion: string; code: string }): string => `${p.treeVersion}/${p.code}`;
/** The place of the unit a waiting team serves: a village of a former commune, or the commune. */
export const unitPlaceOf = (team: WaitingTeam): string =>
  placeOf({ treeVersion: team.treeVersion, code: team.unitCode });

export function planCarryOver(
  facts: CarryOverFacts,
  insideArea: (team: WaitingTeam) => boolean,
  links: readonly VillageLink[] = [],
): CarryOverPlan {
  const { commune } = facts;
  const formers = facts.formers.map((f) => ({
    ...f,
    whole: f.successors.length === 1 && f.successors[0] === commune.code,
  }));
  const byPlace = new Map(formers.map((f) => [placeOf(f), f]));
  const formerOf = (v: { treeVersion: string; communeCode: string }) =>
    byPlace.get(placeOf({ treeVersion: v.treeVersion, code: v.communeCode }));
  // Villages of the communes taken in whole, by name: two of one name need a person.
  const byName = Map.groupBy(
    facts.formerVillages.filter((v) => formerOf(v)?.whole),
    (v) => sameName(v.name),
  );
  const planned = facts.formerVillages.map((v) => {
    const namesakes = (byName.get(sameName(v.name)) ?? []).filter((other) => other !== v);
    return planVillage(v, formerOf(v), namesakes, facts);
  });
  const villages = withLinks(planned, links, facts.villages);
  const counterparts = new Map(villages.map((p) => [placeOf(p.from), p]));
  const teams = facts.teams.map((team) =>
    planTeam(team, formerOf(team), insideArea(team) ? counterparts : undefined, commune.code),
  );
  return {
    treeVersion: facts.treeVersion,
    commune: { code: commune.code, name: commune.name },
    formers,
    villages,
    teams,
  };
}

/** `counterparts` (the villages' plans by place) is undefined for a team outside the caller's area. */
function planTeam(
  team: WaitingTeam,
  former: Former | undefined,
  counterparts: ReadonlyMap<string, PlannedVillage> | undefined,
  communeCode: string,
): PlannedTeam {
  const movesTo = former?.successors ?? [];
  const outcomes = outcomesOf(team, movesTo);
  if (!counterparts) return outcomes.stays('outside_area', 'The team works outside your area.');
  const village = counterparts.get(unitPlaceOf(team));
  // A village a person placed goes where they said, even from a divided commune.
  if (village && decided.has(village.action)) return outcomes.moves(village.to, village.from.name);
  if (!former?.whole) return outcomes.stays('split', splitWhy(former, movesTo));
  return fromWholeCommune(team, village, communeCode, outcomes);
}

/** A team of a commune taken in whole: to the commune, or where its village goes. */
function fromWholeCommune(
  team: WaitingTeam,
  village: PlannedVillage | undefined,
  communeCode: string,
  outcomes: ReturnType<typeof outcomesOf>,
): PlannedTeam {
  if (team.unitCode === team.communeCode) return outcomes.moves(communeCode, null);
  return village && village.action !== 'left'
    ? outcomes.moves(village.to, village.from.name)
    : outcomes.stays('village_left', villageLeftWhy(team, village));
}

const outcomesOf = (team: WaitingTeam, movesTo: readonly string[]) => ({
  moves: (code: string | null, villageName: string | null): PlannedTeam => ({
    team,
    action: 'move',
    to: { code, villageName },
    why: null,
    because: null,
    movesTo,
  }),
  stays: (because: LeftBecause, why: string): PlannedTeam => ({
    team,
    to: null,
    movesTo,
    ...left(because, why),
  }),
});

const decided = new Set<PlannedVillage['action']>(['linked', 'carried']);

const villageLeftWhy = (team: WaitingTeam, village: PlannedVillage | undefined): string =>
  `Its village ${team.unitCode} is not taken over: ${village?.why ?? 'it is not a village of its commune.'}`;

function planVillage(
  village: Village,
  former: Former | undefined,
  namesakes: readonly Village[],
  facts: CarryOverFacts,
): PlannedVillage {
  const from = {
    treeVersion: village.treeVersion,
    code: village.code,
    name: village.name,
    type: village.type,
    communeCode: village.communeCode,
  };
  if (village.carriedTo)
    return { from, action: 'carried', to: village.carriedTo.code, why: null, because: null };
  if (!former?.whole) return { from, to: null, ...left('split', splitWhy(former, former?.successors ?? [])) };
  if (namesakes.length > 0) {
    const others = namesakes.map((v) => v.code).join(', ');
    return {
      from,
      to: null,
      ...left(
        'name_taken',
        `${village.name} is also the name of ${others} in another commune taken over: register each under a name of its own in ${facts.commune.name} (POST /units/${facts.commune.code}/villages), then move its teams (POST /teams/{teamId}/unit).`,
      ),
    };
  }
  const existing = facts.villages.find((v) => sameName(v.name) === sameName(village.name));
  if (existing) return { from, action: 'exists', to: existing.code, why: null, because: null };
  return { from, action: 'register', to: null, why: null, because: null };
}

const splitWhy = (former: FormerCommune | undefined, successors: readonly string[]): string =>
  `${former ? `${former.name} (${former.code})` : 'Its commune'} was divided among ${successors.join(', ')}: which of them takes it is a person's call (POST /teams/{teamId}/unit, POST /units/{code}/villages).`;
