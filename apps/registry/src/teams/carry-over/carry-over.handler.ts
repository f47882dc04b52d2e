// Carrying a plan out in one transaction (ADR 0068): the villages to register, under the commune's
// villages stream (its lock also makes two carry-overs of one commune take turns), then the teams
// moved, each decided by the team's own decider as a single move would be, then the villages taken
// over retired where they were (retire-taken-over.ts). A team the decider refuses (it moved
// meanwhile) stays, saying why; anything else failing leaves nothing written.
import { executeCommand, executeCommandsIn, type CommandOutcome, type Tx } from '@nhip/event-sourcing';
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
import type { CarryOverPlan, PlannedTeam, PlannedVillage } from './carry-over.plan.ts';
import { retireTakenOver, type Written } from './retire-taken-over.ts';

export async function carryOver(
  pool: pg.Pool,
  { plan, commune }: { readonly plan: CarryOverPlan; readonly commune: CommuneFacts },
  reason: string,
  ctx: RequestContext,
): Promise<CarryOverPlan> {
  const commandId = commandIdOf(ctx);
  const metadata = { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor };
  const toRegister = plan.villages.filter((v) => v.action === 'register');
  let moved: ReadonlyMap<string, CommandOutcome<TeamEvent>> = new Map();
  const registered = await executeCommand(
    pool,
    villageAggregate,
    () =>
      Promise.resolve({
        commandId: `${commandId}/villages`,
        streamId: villagesStream(plan.treeVersion, commune.code),
        command: {
          type: 'RegisterVillages' as const,
          treeVersion: plan.treeVersion,
          communeCode: commune.code,
          commune,
          villages: toRegister.map((v) => ({ name: v.from.name, villageType: v.from.type })),
        },
        metadata,
      }),
    async (tx, result) => {
      const units = unitsByName(plan, commune, registeredIn(result.events));
      const written = { commandId, metadata, reason: reason.normalize('NFC').trim() };
      moved = await moveTeams(tx, plan, units, written);
      await retireTakenOver(tx, plan, { units, moved }, written);
    },
  );
  const codes = new Map(registeredIn(registered.events).map((e) => [sameName(e.name), e.code]));
  return {
    ...plan,
    villages: plan.villages.map((v) =>
      v.action === 'register' ? { ...v, to: codes.get(sameName(v.from.name)) ?? null } : v,
    ),
    teams: plan.teams.map((t) => afterMove(t, moved.get(t.team.teamId), codes)),
  };
}

const registeredIn = (events: readonly VillageEvent[]): VillageRegisteredData[] =>
  events.flatMap((e) => (e.type === 'VillageRegistered' ? [e.data] : []));

/** The units the teams move to, by the village name they go to ('' for the commune itself). */
function unitsByName(
  plan: CarryOverPlan,
  commune: CommuneFacts,
  registered: readonly VillageRegisteredData[],
): ReadonlyMap<string, ServedUnit> {
  const units = new Map<string, ServedUnit>([
    ['', { treeVersion: plan.treeVersion, code: commune.code, path: commune.path }],
  ]);
  const existing = plan.villages.filter(
    (v): v is PlannedVillage & { to: string } => v.action === 'exists' && v.to !== null,
  );
  for (const v of existing)
    units.set(sameName(v.from.name), {
      treeVersion: plan.treeVersion,
      code: v.to,
      path: [...commune.path, v.to],
    });
  for (const v of registered) units.set(sameName(v.name), { treeVersion: plan.treeVersion, ...v });
  return units;
}

async function moveTeams(
  tx: Tx,
  plan: CarryOverPlan,
  units: ReadonlyMap<string, ServedUnit>,
  { commandId, metadata, reason }: Written,
): Promise<ReadonlyMap<string, CommandOutcome<TeamEvent>>> {
  const moving = plan.teams.flatMap((t) => {
    const unit = t.action === 'move' ? units.get(sameName(t.to?.villageName ?? '')) : undefined;
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
  codes: ReadonlyMap<string, string>,
): PlannedTeam {
  if (team.action !== 'move' || !team.to) return team;
  if (outcome?.status === 'refused')
    return { ...team, action: 'left', to: null, because: 'refused', why: outcome.violation.message };
  const { code, villageName } = team.to;
  return { ...team, to: { code: code ?? codes.get(sameName(villageName ?? '')) ?? null, villageName } };
}
