// Changing a team: the decider needs nothing looked up but, for a new member, whether the id
// belongs to a registered person; the command runs with its read-model update in one transaction.
import type { Affiliation, MemberRole } from '@nhip/contracts';
import { executeCommand, type Tx } from '@nhip/event-sourcing';
import { commandIdOf, type RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { memberExists } from '../../members/personal-data/index.ts';
import { teamAggregate } from '../team.aggregate.ts';
import { teamStream, type TeamCommand } from '../team.ts';

export interface AddMemberInput {
  readonly memberId: string;
  readonly role: MemberRole;
  readonly affiliation: Affiliation;
}

export type SimpleCommand = Exclude<TeamCommand, { type: 'RegisterTeam' | 'AddMember' }>;

export async function addMember(
  pool: pg.Pool,
  teamId: string,
  input: AddMemberInput,
  ctx: RequestContext,
): Promise<void> {
  await run(pool, teamId, ctx, async (tx) => ({
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
  await run(pool, teamId, ctx, () => Promise.resolve(command));
}

async function run(
  pool: pg.Pool,
  teamId: string,
  ctx: RequestContext,
  build: (tx: Tx) => Promise<TeamCommand>,
): Promise<void> {
  await executeCommand(pool, teamAggregate, async (tx) => ({
    commandId: commandIdOf(ctx),
    streamId: teamStream(teamId),
    command: await build(tx),
    metadata: { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor },
  }));
}
