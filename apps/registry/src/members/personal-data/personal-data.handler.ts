// Personal data: kept out of events, read and erased only here, every access audited.
import { executeCommand, inTransaction } from '@nhip/event-sourcing';
import { commandIdOf, ProblemError, problemType, type RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { memberAggregate } from '../member.aggregate.ts';
import { memberStream } from '../member.ts';
import {
  blankPersonalData,
  personalDataOf,
  recordAccess,
  type PersonalDataView,
} from './personal-data.queries.ts';

export async function readPersonalData(
  pool: pg.Pool,
  memberId: string,
  reason: string,
  ctx: RequestContext,
): Promise<PersonalDataView> {
  return inTransaction(pool, async (tx) => {
    const found = await personalDataOf(tx, memberId);
    if (!found) throw memberNotFound(memberId);
    await recordAccess(tx, memberId, 'read', { ...ctx, reason });
    return found;
  });
}

export async function erasePersonalData(
  pool: pg.Pool,
  memberId: string,
  reason: string,
  ctx: RequestContext,
): Promise<PersonalDataView> {
  await executeCommand(
    pool,
    memberAggregate,
    () =>
      Promise.resolve({
        commandId: commandIdOf(ctx),
        streamId: memberStream(memberId),
        command: { type: 'ErasePersonalData' as const, memberId, at: ctx.now.toISOString() },
        metadata: { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor },
      }),
    async (tx) => {
      await blankPersonalData(tx, memberId, ctx.now);
      await recordAccess(tx, memberId, 'erase', { ...ctx, reason });
    },
  );
  return readPersonalData(pool, memberId, reason, ctx);
}

const memberNotFound = (memberId: string) =>
  new ProblemError({
    type: problemType('member-not-found'),
    title: 'No such member',
    status: 404,
    detail: `No member ${memberId}.`,
    errors: [{ field: 'memberId', reason: 'unknown member id' }],
  });
