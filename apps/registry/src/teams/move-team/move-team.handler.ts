// Moving a team: the unit it is to serve, looked up in the tree in force today; the commune of that
// unit and of the team's current one; and the communes of the tree in force that replaced the team's
// commune across the reforms recorded (lineage, followed through every tree in between). The decider
// then says whether the move is one a team makes (team.decide.ts).
import { executeCommand } from '@nhip/event-sourcing';
import { beforeAnyWrite } from '@nhip/postgres';
import { commandIdOf, type RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { findUnit, requireTreeInForce } from '../../unit-trees/units/index.ts';
import { teamAggregate } from '../team.aggregate.ts';
import { teamStream } from '../team.ts';
import { communeOf, successorsIn, type TeamDetail } from '../team-roster/index.ts';

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
    const communeOfTeam = (await communeOf(tx, team.treeVersion, team.unitCode)) ?? team.unitCode;
    return {
      commandId: commandIdOf(ctx),
      streamId: teamStream(team.teamId),
      command: {
        type: 'MoveTeam' as const,
        unitCode: input.unitCode,
        unit: unit && { treeVersion: tree.treeVersion, code: unit.code, path: unit.path },
        communeOfUnit: unit && (await communeOf(tx, tree.treeVersion, unit.code)),
        communeOfTeam,
        successorsOfTeamCommune: await successorsIn(tx, team.treeVersion, communeOfTeam, tree.treeVersion),
        reason: input.reason.normalize('NFC').trim(),
      },
      metadata: { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor },
    };
  });
}
