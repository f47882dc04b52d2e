// Team use cases: look up what the pure decider needs (the unit in the tree in force, whether a
// member exists), then run the command with its read-model update in one transaction.
import { vietnamDay, type Affiliation, type MemberRole, type TeamType } from '@nhip/contracts';
import { deterministicUuid } from '@nhip/event-sourcing';
import type pg from 'pg';
import { memberExists } from '../members/personal-data.ts';
import { requireTreeInForce } from '../units/tree-in-force.ts';
import { findUnit } from '../units/unit-tree.queries.ts';
import { teamSlice } from './team.slice.ts';
import { teamStream, type Decision, type TeamCommand } from './team.ts';
import { commandIdOf, type RequestContext } from '@nhip/service-http';
import { executeCommand, type Tx } from '@nhip/event-sourcing';

export interface RegisterTeamInput {
  readonly teamId?: string;
  readonly name: string;
  readonly teamType: TeamType;
  readonly unitCode: string;
  readonly decision: Decision;
}

export interface AddMemberInput {
  readonly memberId: string;
  readonly role: MemberRole;
  readonly affiliation: Affiliation;
}

type SimpleCommand = Exclude<TeamCommand, { type: 'RegisterTeam' | 'AddMember' }>;

export async function registerTeam(
  pool: pg.Pool,
  input: RegisterTeamInput,
  ctx: RequestContext,
): Promise<string> {
  const commandId = commandIdOf(ctx);
  const teamId = input.teamId ?? deterministicUuid(`team/${commandId}`);
  const tree = await requireTreeInForce(pool, ctx.now, 'unitCode');
  await run(pool, { teamId, commandId }, ctx, async (tx) => {
    const unit = await findUnit(tx, tree.treeVersion, input.unitCode);
    return {
      type: 'RegisterTeam',
      teamId,
      name: input.name.normalize('NFC').trim(),
      teamType: input.teamType,
      unitCode: input.unitCode,
      unit: unit && { treeVersion: tree.treeVersion, code: unit.code, path: unit.path },
      decision: { number: input.decision.number.normalize('NFC').trim(), date: input.decision.date },
      today: vietnamDay(ctx.now),
    };
  });
  return teamId;
}

export async function addMember(
  pool: pg.Pool,
  teamId: string,
  input: AddMemberInput,
  ctx: RequestContext,
): Promise<void> {
  await run(pool, { teamId, commandId: commandIdOf(ctx) }, ctx, async (tx) => ({
    type: 'AddMember',
    ...input,
    memberRegistered: await memberExists(tx, input.memberId),
  }));
}

export async function changeTeam(
  pool: pg.Pool,
  teamId: string,
  command: SimpleCommand,
  ctx: RequestContext,
): Promise<void> {
  await run(pool, { teamId, commandId: commandIdOf(ctx) }, ctx, () => Promise.resolve(command));
}

async function run(
  pool: pg.Pool,
  target: { teamId: string; commandId: string },
  ctx: RequestContext,
  build: (tx: Tx) => Promise<TeamCommand>,
): Promise<void> {
  const { teamId, commandId } = target;
  await executeCommand(pool, teamSlice, async (tx) => ({
    commandId,
    streamId: teamStream(teamId),
    command: await build(tx),
    metadata: { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor },
  }));
}
