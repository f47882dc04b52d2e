// Carrying a plan out in one transaction (ADR 0068): the commune's villages stream taken first, so
// two carry-overs of one commune take turns and the second plans from what the first wrote; then
// the villages to register, the teams moved, each decided by the team's own decider as a single
// move would be, then the villages taken over retired where they were (retire-taken-over.ts). A
// team the decider refuses (it moved meanwhile) stays, saying why; anything else failing leaves
// nothing written.
import {
  executeCommand,
  executeCommandsIn,
  failpointDelay,
  takeTurnOn,
  type CommandOutcome,
  type Tx,
} from '@nhip/event-sourcing';
import { commandIdOf, type RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { villageAggregate } from '../../villages/village.aggregate.ts';
import {
  sameName,
  villagesStream,
  type CommuneFacts,
  type VillageEvent,
  type VillageRegisteredData,
} from '../../villages/village.ts';
import { teamAggregate } from '../team.aggregate.ts';
import { teamStream, type ServedUnit, type TeamEvent } from '../team.ts';
import { placeOf, unitPlaceOf, type CarryOverPlan, type PlannedTeam } from './carry-over.plan.ts';
import type { WaitingTeam } from './carry-over.queries.ts';
import { retireTakenOver, type Written } from './retire-taken-over.ts';

export interface Planned {
  readonly plan: CarryOverPlan;
  readonly commune: CommuneFacts;
}

/** The commune of the tree in force, and how to read its plan on the transaction. */
export interface CommuneToCarryOver {
  readonly treeVersion: string;
  readonly code: string;
  readonly planIn: (tx: Tx) => Promise<Planned>;
}

export async function carryOver(
  pool: pg.Pool,
  { treeVersion, code, planIn }: CommuneToCarryOver,
  reason: string,
  ctx: RequestContext,
): Promise<CarryOverPlan> {
  const commandId = commandIdOf(ctx);
  const metadata = { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor };
  const streamId = villagesStream(treeVersion, code);
  let planned: Planned | undefined;
  let moved: ReadonlyMap<string, CommandOutcome<TeamEvent>> = new Map();
  let units: ReadonlyMap<string, ServedUnit> = new Map();
  await executeCommand(
    pool,
    villageAggregate,
    async (tx) => {
      // Planned after the lock: a carry-over sent twice at once would otherwise register again
      // what the first registered, and be refused for a village name nobody sent.
      await takeTurnOn(tx, streamId);
      planned = await planIn(tx);
      // Where a fault spec holds it (NHIP_FAILPOINTS=carry-over:planned=delay:MS) to move a team by
      // hand between the plan and the moves; one lookup otherwise.
      await failpointDelay('carry-over:planned');
      return {
        commandId: `${commandId}/villages`,
        streamId,
        command: registerVillages(planned),
        metadata,
      };
    },
    async (tx, result) => {
      const { plan, commune } = planned as Planned;
      units = unitsByPlace(plan, commune, registeredIn(result.events));
      const written = { commandId, metadata, reason: reason.normalize('NFC').trim() };
      moved = await moveTeams(tx, plan, units, written);
      await retireTakenOver(tx, plan, { units, moved }, written);
    },
  );
  const { plan } = planned as Planned;
  // What the transaction wrote, by the same keys the moves used.
  return {
    ...plan,
    villages: plan.villages.map((v) =>
      v.action === 'register' ? { ...v, to: units.get(placeOf(v.from))?.code ?? null } : v,
    ),
    teams: plan.teams.map((t) => afterMove(t, moved.get(t.team.teamId), units.get(unitKeyOf(t.team)))),
  };
}

/** The villages the plan registers under the commune, as one command. */
const registerVillages = ({ plan, commune }: Planned) => ({
  type: 'RegisterVillages' as const,
  treeVersion: plan.treeVersion,
  communeCode: commune.code,
  commune,
  villages: plan.villages
    .filter((v) => v.action === 'register')
    .map((v) => ({ name: v.from.name, villageType: v.from.type })),
});

const registeredIn = (events: readonly VillageEvent[]): VillageRegisteredData[] =>
  events.flatMap((e) => (e.type === 'VillageRegistered' ? [e.data] : []));

/** Where a waiting team's unit goes: its village's place, or '' for a team of the commune itself. */
const unitKeyOf = (team: WaitingTeam): string =>
  team.unitCode === team.communeCode ? '' : unitPlaceOf(team);

/** The units of the tree in force the former villages go to, by their place ('' for the commune). */
function unitsByPlace(
  plan: CarryOverPlan,
  commune: CommuneFacts,
  registered: readonly VillageRegisteredData[],
): ReadonlyMap<string, ServedUnit> {
  const units = new Map<string, ServedUnit>([
    ['', { treeVersion: plan.treeVersion, code: commune.code, path: commune.path }],
  ]);
  const codes = new Map(registered.map((v) => [sameName(v.name), v.code]));
  for (const v of plan.villages) {
    const code = v.action === 'register' ? codes.get(sameName(v.from.name)) : v.to;
    if (v.action !== 'left' && code)
      units.set(placeOf(v.from), { treeVersion: plan.treeVersion, code, path: [...commune.path, code] });
  }
  return units;
}

async function moveTeams(
  tx: Tx,
  plan: CarryOverPlan,
  units: ReadonlyMap<string, ServedUnit>,
  { commandId, metadata, reason }: Written,
): Promise<ReadonlyMap<string, CommandOutcome<TeamEvent>>> {
  const moving = plan.teams.flatMap((t) => {
    const unit = t.action === 'move' ? units.get(unitKeyOf(t.team)) : undefined;
    return unit ? [{ planned: t, unit }] : [];
  });
  const outcomes = await executeCommandsIn(
    tx,
    teamAggregate,
    moving.map(({ planned, unit }) => ({
      commandId: `${commandId}/team/${planned.team.teamId}`,
      streamId: teamStream(planned.team.teamId),
      command: {
        type: 'MoveTeam' as const,
        unitCode: unit.code,
        unit: { treeVersion: unit.treeVersion, code: unit.code, path: unit.path },
        communeOfUnit: plan.commune.code,
        communeOfTeam: planned.team.communeCode,
        successorsOfTeamCommune: planned.movesTo,
        reason,
        from: { treeVersion: planned.team.treeVersion, code: planned.team.unitCode },
      },
      metadata,
    })),
  );
  return new Map(
    moving.map(({ planned }, i) => [planned.team.teamId, outcomes[i] ?? { status: 'unchanged' }]),
  );
}

function afterMove(
  team: PlannedTeam,
  outcome: CommandOutcome<TeamEvent> | undefined,
  unit: ServedUnit | undefined,
): PlannedTeam {
  if (team.action !== 'move' || !team.to) return team;
  if (outcome?.status === 'refused')
    return { ...team, action: 'left', to: null, because: 'refused', why: outcome.violation.message };
  const { code, villageName } = team.to;
  return { ...team, to: { code: code ?? unit?.code ?? null, villageName } };
}
