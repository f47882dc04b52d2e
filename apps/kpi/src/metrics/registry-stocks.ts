// Registry and training events as changes to the stocks the indicators count: active teams, villages
// and villages with an active team (adding up the tree), and active members and active members
// trained (distinct people: someone in two teams of one commune counts once there). Each change
// counts on the Vietnamese day it was recorded, so a stock's value at the end of a period is the sum
// of its deltas up to that day.
//
// `facts` is the working set of a consumed batch (the teams, members and villages its events touch,
// loaded by the service): applying an event updates it in place and returns the deltas.
import { vietnamDay } from '@nhip/contracts';
import type { MetricId } from '../indicators/indicator.ts';
import type { DeltaSource, MetricDelta } from './metric-delta.ts';
import { villageKey, type Place, type StockFacts, type StockInput, type TeamFact } from './stock-facts.ts';

export type { StockFacts, StockInput, TeamFact } from './stock-facts.ts';

/** The units where a member counts as active: every unit on the paths of their active teams. */
function activeUnits(facts: StockFacts, memberId: string): Set<string> {
  const units = new Set<string>();
  for (const teamId of facts.memberTeams.get(memberId) ?? []) {
    const team = facts.teams.get(teamId);
    if (team?.active) team.path.forEach((unit) => units.add(unit));
  }
  return units;
}

type Emit = (metric: MetricId, units: readonly string[], delta: number) => void;

/** Runs a change to members' teams and emits the distinct-count deltas it makes. */
function changingMembers(
  facts: StockFacts,
  memberIds: Iterable<string>,
  emit: Emit,
  change: () => void,
): void {
  const ids = [...memberIds];
  const before = ids.map((id) => activeUnits(facts, id));
  change();
  ids.forEach((id, i) => {
    const [was = new Set<string>(), now] = [before[i], activeUnits(facts, id)];
    const metrics: MetricId[] = facts.trained.has(id)
      ? ['active_members', 'active_members_trained']
      : ['active_members'];
    for (const metric of metrics) {
      emit(
        metric,
        [...now].filter((u) => !was.has(u)),
        1,
      );
      emit(
        metric,
        [...was].filter((u) => !now.has(u)),
        -1,
      );
    }
  });
}

/** The village a team serves, while it counts (not retired). */
function villageOf(facts: StockFacts, team: TeamFact) {
  const village = facts.villages.get(villageKey(team.treeVersion, team.path.at(-1) ?? ''));
  return village?.path.length ? village : undefined;
}

/** A team starts or stops working: active teams, its members, and the village it serves. */
function setActive(facts: StockFacts, teamId: string, active: boolean, emit: Emit): void {
  const team = facts.teams.get(teamId);
  if (!team || team.active === active) return;
  const sign = active ? 1 : -1;
  changingMembers(facts, team.members, emit, () => (team.active = active));
  emit('active_teams', team.path, sign);
  const village = villageOf(facts, team);
  if (!village) return;
  village.activeTeams += sign;
  if (village.activeTeams === (active ? 1 : 0)) emit('villages_with_active_team', village.path, sign);
}

function membership(
  facts: StockFacts,
  input: Extract<StockInput, { teamId: string; memberId: string }>,
  emit: Emit,
) {
  const team = facts.teams.get(input.teamId);
  if (!team) return;
  const teams = facts.memberTeams.get(input.memberId) ?? new Set<string>();
  facts.memberTeams.set(input.memberId, teams);
  changingMembers(facts, [input.memberId], emit, () => {
    if (input.type === 'member-added') {
      team.members.add(input.memberId);
      teams.add(input.teamId);
    } else {
      team.members.delete(input.memberId);
      teams.delete(input.teamId);
    }
  });
}

function trained(facts: StockFacts, memberId: string, emit: Emit): void {
  if (facts.trained.has(memberId)) return;
  facts.trained.add(memberId);
  emit('active_members_trained', [...activeUnits(facts, memberId)], 1);
}

function village(
  facts: StockFacts,
  { treeVersion, path, activeTeams = 0 }: Extract<StockInput, { type: 'village-registered' }>,
  emit: Emit,
): void {
  const key = villageKey(treeVersion, path.at(-1) ?? '');
  if (facts.villages.has(key)) return;
  facts.villages.set(key, { path, activeTeams });
  emit('villages', path, 1);
  if (activeTeams > 0) emit('villages_with_active_team', path, 1);
}

/** The village of that tree no longer counts where it was (a code of another tree's may repeat). */
function retired(facts: StockFacts, treeVersion: string, path: readonly string[], emit: Emit): void {
  const key = villageKey(treeVersion, path.at(-1) ?? '');
  const village = facts.villages.get(key);
  if (!village?.path.length) return;
  emit('villages', village.path, -1);
  if (village.activeTeams > 0) emit('villages_with_active_team', village.path, -1);
  facts.villages.set(key, { path: [], activeTeams: 0 });
}

function team(facts: StockFacts, teamId: string, { treeVersion, path }: Place, emit: Emit): void {
  if (facts.teams.has(teamId)) return;
  facts.teams.set(teamId, { path, treeVersion, active: false, members: new Set() });
  setActive(facts, teamId, true, emit);
}

/**
 * A team serves another unit from the day it moved: as if it stopped where it was and started where
 * it is, its members with it (a member counts once per unit either way). A suspended team moves
 * without counting anywhere.
 */
function moved(facts: StockFacts, teamId: string, { treeVersion, path }: Place, emit: Emit): void {
  const team = facts.teams.get(teamId);
  if (!team || (team.treeVersion === treeVersion && team.path.join('/') === path.join('/'))) return;
  const active = team.active;
  setActive(facts, teamId, false, emit);
  team.path = path;
  team.treeVersion = treeVersion;
  setActive(facts, teamId, active, emit);
}

type Apply<T extends StockInput['type']> = (
  facts: StockFacts,
  input: Extract<StockInput, { type: T }>,
  emit: Emit,
) => void;
const appliers: { [T in StockInput['type']]: Apply<T> } = {
  'village-registered': village,
  'village-retired': (facts, input, emit) => retired(facts, input.treeVersion, input.path, emit),
  'team-registered': (facts, input, emit) => team(facts, input.teamId, input, emit),
  'member-added': membership,
  'member-removed': membership,
  'team-reinstated': (facts, input, emit) => setActive(facts, input.teamId, true, emit),
  'team-suspended': (facts, input, emit) => setActive(facts, input.teamId, false, emit),
  'team-dissolved': (facts, input, emit) => setActive(facts, input.teamId, false, emit),
  'team-moved': (facts, input, emit) => moved(facts, input.teamId, input, emit),
  'member-trained': (facts, input, emit) => trained(facts, input.memberId, emit),
};

/** What the event is about: a membership's team, the member trained, the village registered or retired. */
function sourceOf(input: StockInput): DeltaSource {
  if (input.type === 'member-trained') return { kind: 'member', id: input.memberId };
  if (input.type === 'village-registered' || input.type === 'village-retired')
    return { kind: 'village', id: input.path.at(-1) ?? '' };
  return { kind: 'team', id: input.teamId };
}

/** Applies one event to the working set and returns the stock deltas it makes. */
export function applyStockEvent(facts: StockFacts, input: StockInput): MetricDelta[] {
  const deltas: MetricDelta[] = [];
  const day = vietnamDay(input.recordedAt);
  const source = sourceOf(input);
  const emit: Emit = (metric, units, delta) => {
    if (units.length === 0) return;
    deltas.push({
      metric,
      units,
      delta,
      day,
      sourceEventId: input.eventId,
      source,
      recordedAt: input.recordedAt,
    });
  };
  (appliers[input.type] as Apply<StockInput['type']>)(facts, input, emit);
  return deltas;
}
