// Holding or cancelling a session: the decider says which may follow which.
import { executeCommand } from '@nhip/event-sourcing';
import { commandIdOf, type RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { findSession, type SessionView } from '../session-catalog/index.ts';
import { sessionAggregate } from '../session.aggregate.ts';
import { sessionStream, type CancelSession, type HoldSession } from '../session.ts';

export async function changeSession(
  pool: pg.Pool,
  sessionId: string,
  change: { type: 'HoldSession' } | Omit<CancelSession, 'at'>,
  ctx: RequestContext,
): Promise<SessionView | undefined> {
  const at = ctx.now.toISOString();
  const command: HoldSession | CancelSession = { ...change, at };
  await executeCommand(pool, sessionAggregate, () =>
    Promise.resolve({
      commandId: commandIdOf(ctx),
      streamId: sessionStream(sessionId),
      command,
      metadata: { correlationId: ctx.correlationId, occurredAt: at, actor: ctx.actor },
    }),
  );
  return findSession(pool, sessionId);
}
