// Registering a team: look up the unit it serves in the tree in force today, then run the command
// with its read-model update in one transaction.
import { vietnamDay, type TeamType } from '@nhip/contracts';
import { deterministicUuid, executeCommand } from '@nhip/event-sourcing';
import { commandIdOf, type RequestContext } from '@nhip/service-http';
import { beforeAnyWrite, soleWriteFailed } from '@nhip/postgres';
import type pg from 'pg';
import { findUnit, requireTreeInForce } from '../../unit-trees/units/index.ts';
import { teamAggregate } from '../team.aggregate.ts';
import { teamStream, type Decision } from '../team.ts';

export interface RegisterTeamInput {
  readonly teamId?: string;
  readonly name: string;
  readonly teamType: TeamType;
  readonly unitCode: string;
  readonly decision: Decision;
}

export async function registerTeam(
  pool: pg.Pool,
  input: RegisterTeamInput,
  ctx: RequestContext,
): Promise<string> {
  const commandId = commandIdOf(ctx);
  const teamId = input.teamId ?? deterministicUuid(`team/${commandId}`);
  try {
    await register(pool, teamId, input, ctx);
  } catch (error) {
    // One team, one write: failed before it was sent, the client may learn nothing was written.
    throw soleWriteFailed(error);
  }
  return teamId;
}

async function register(pool: pg.Pool, teamId: string, input: RegisterTeamInput, ctx: RequestContext) {
  const commandId = commandIdOf(ctx);
  const tree = await beforeAnyWrite(requireTreeInForce(pool, ctx.now, 'unitCode'));
  await executeCommand(pool, teamAggregate, async (tx) => {
    const unit = await findUnit(tx, tree.treeVersion, input.unitCode);
    return {
      commandId,
      streamId: teamStream(teamId),
      command: {
        type: 'RegisterTeam' as const,
        teamId,
        name: input.name.normalize('NFC').trim(),
        teamType: input.teamType,
        unitCode: input.unitCode,
        unit: unit && { treeVersion: tree.treeVersion, code: unit.code, path: unit.path },
        decision: { number: input.decision.number.normalize('NFC').trim(), date: input.decision.date },
        today: vietnamDay(ctx.now),
      },
      metadata: { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor },
    };
  });
}
