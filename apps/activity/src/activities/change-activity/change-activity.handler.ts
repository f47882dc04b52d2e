// Corrections and voids: events with who and why; the KPI service re-counts from them.
import { executeCommand } from '@nhip/event-sourcing';
import type { RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { activityAggregate } from '../activity.aggregate.ts';
import { activityStream, type ActivityCommand, type ActivityEvent } from '../activity.ts';

export type ChangeActivity = Extract<ActivityCommand, { type: 'CorrectActivity' | 'VoidActivity' }>;

export async function changeActivity(
  pool: pg.Pool,
  activityId: string,
  command: ChangeActivity,
  ctx: RequestContext,
): Promise<readonly ActivityEvent[]> {
  const result = await executeCommand(pool, activityAggregate, () =>
    Promise.resolve({
      commandId: ctx.idempotencyKey ?? `${activityId}/${command.type}/${ctx.correlationId}`,
      streamId: activityStream(activityId),
      command,
      metadata: { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor },
    }),
  );
  return result.events;
}
