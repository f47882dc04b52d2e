// Moving a team: the unit it is to serve, looked up in the tree in force today, and the commune of
// that unit and of the team's current one. Where the team may go across a reform is its `movesTo`,
// read with the team (moves-to.queries.ts), so a refusal names what the team's answer shows. The
// decider then says whether the move is one a team makes (team.decide.ts).
import { executeCommand } from '@nhip/event-sourcing';
import { beforeAnyWrite } from '@nhip/postgres';
import { commandIdOf, type RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { findUnit, requireTreeInForce } from '../../unit-trees/units/index.ts';
import { teamAggregate } from '../team.aggregate.ts';
import { teamStream } from '../team.ts';
import { communeOfUnit, teamCommune, type TeamDetail } from '../team-roster/index.ts';

export interface MoveTeamInput {
  readonly unitCode: string;
  readonly reason: string;
}

export async function moveTeam(
  pool: pg.Pool,
  team: TeamDetail,
  input: MoveTeamInput,
  ctx: RequestContext,
): Promise<void> {
  const tree = await beforeAnyWrite(requireTreeInForce(pool, ctx.now, 'unitCode'));
  await executeCommand(pool, teamAggregate, async (tx) => {
    const unit = await findUnit(tx, tree.treeVersion, input.unitCode);
    return {
      commandId: commandIdOf(ctx),
      streamId: teamStream(team.teamId),
      command: {
        type: 'MoveTeam' as const,
        unitCode: input.unitCode,
        unit: unit && { treeVersion: tree.treeVersion, code: unit.code, path: unit.path },
        communeOfUnit: unit && communeOfUnit(unit),
        communeOfTeam: await teamCommune(tx, team),
        successorsOfTeamCommune: team.movesTo,
        reason: input.reason.normalize('NFC').trim(),
      },
      metadata: { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor },
    };
  });
}
