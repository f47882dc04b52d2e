// Personal data: kept out of events, read and changed only here, every access audited.
import type pg from 'pg';
import { deterministicUuid } from '@nhip/event-sourcing';
import { memberSlice } from './member.slice.ts';
import { memberStream } from './member.ts';
import { commandIdOf, ProblemError, problemType, type RequestContext } from '@nhip/service-http';
import { executeCommand, inTransaction, type Tx } from '@nhip/event-sourcing';

export interface PersonalData {
  readonly fullName: string;
  readonly phone: string | null;
  readonly birthYear: number | null;
}

export interface PersonalDataView {
  readonly memberId: string;
  readonly fullName: string | null;
  readonly phone: string | null;
  readonly birthYear: number | null;
  readonly erasedAt: string | null;
}

const audit = (tx: Tx, memberId: string, action: string, ctx: RequestContext & { reason?: string }) =>
  tx.query(
    `INSERT INTO personal_data_audit (member_id, action, actor, reason, at) VALUES ($1, $2, $3, $4, $5)`,
    [memberId, action, ctx.actor, ctx.reason ?? null, ctx.now],
  );

export async function registerMember(
  pool: pg.Pool,
  data: PersonalData,
  ctx: RequestContext,
): Promise<{ memberId: string }> {
  // A retried registration (same Idempotency-Key) must not create a second person.
  const commandId = commandIdOf(ctx);
  const memberId = deterministicUuid(`member/${commandId}`);
  await executeCommand(
    pool,
    memberSlice,
    () =>
      Promise.resolve({
        commandId,
        streamId: memberStream(memberId),
        command: { type: 'RegisterMember' as const, memberId },
        metadata: { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor },
      }),
    async (tx, result) => {
      if (result.append?.alreadyAppended) return;
      await tx.query(
        `INSERT INTO member_personal_data (member_id, full_name, phone, birth_year, registered_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [memberId, data.fullName, data.phone, data.birthYear, ctx.now],
      );
      await audit(tx, memberId, 'create', ctx);
    },
  );
  return { memberId };
}

export async function readPersonalData(
  pool: pg.Pool,
  memberId: string,
  ctx: RequestContext,
): Promise<PersonalDataView> {
  return inTransaction(pool, async (tx) => {
    const { rows } = await tx.query<PersonalDataView>(
      `SELECT member_id AS "memberId", full_name AS "fullName", phone, birth_year AS "birthYear",
         erased_at AS "erasedAt" FROM member_personal_data WHERE member_id = $1`,
      [memberId],
    );
    const found = rows[0];
    if (!found) throw memberNotFound(memberId);
    await audit(tx, memberId, 'read', ctx);
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
    memberSlice,
    () =>
      Promise.resolve({
        commandId: commandIdOf(ctx),
        streamId: memberStream(memberId),
        command: { type: 'ErasePersonalData' as const, memberId, at: ctx.now.toISOString() },
        metadata: { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor },
      }),
    async (tx) => {
      await tx.query(
        `UPDATE member_personal_data SET full_name = NULL, phone = NULL, birth_year = NULL,
           erased_at = coalesce(erased_at, $2) WHERE member_id = $1`,
        [memberId, ctx.now],
      );
      await audit(tx, memberId, 'erase', { ...ctx, reason });
    },
  );
  return readPersonalData(pool, memberId, ctx);
}

export async function personalDataAudit(
  db: Pick<pg.Pool, 'query'>,
  memberId: string,
): Promise<{ action: string; actor: string; reason: string | null; at: string }[]> {
  const { rows } = await db.query<{ action: string; actor: string; reason: string | null; at: string }>(
    `SELECT action, actor, reason, at FROM personal_data_audit WHERE member_id = $1 ORDER BY id`,
    [memberId],
  );
  return rows;
}

export async function memberExists(tx: Tx, memberId: string): Promise<boolean> {
  const { rowCount } = await tx.query('SELECT 1 FROM member_personal_data WHERE member_id = $1', [memberId]);
  return rowCount === 1;
}

const memberNotFound = (memberId: string) =>
  new ProblemError({
    type: problemType('member-not-found'),
    title: 'No such member',
    status: 404,
    detail: `No member ${memberId}.`,
    errors: [{ field: 'memberId', reason: 'unknown member id' }],
  });
