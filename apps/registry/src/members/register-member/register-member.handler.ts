// Registering a member: a pseudonymous id in the event store, the person's name and phone beside
// it in the personal-data table, both in one transaction.
import { deterministicUuid, executeCommand } from '@nhip/event-sourcing';
import { commandIdOf, type RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { insertPersonalData, recordAccess, type PersonalData } from '../personal-data/index.ts';
import { memberAggregate } from '../member.aggregate.ts';
import { memberStream } from '../member.ts';

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
    memberAggregate,
    () =>
      Promise.resolve({
        commandId,
        streamId: memberStream(memberId),
        command: { type: 'RegisterMember' as const, memberId },
        metadata: { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor },
      }),
    async (tx, result) => {
      if (result.append?.alreadyAppended) return;
      await insertPersonalData(tx, memberId, data, ctx.now);
      await recordAccess(tx, memberId, 'create', ctx);
    },
  );
  return { memberId };
}
