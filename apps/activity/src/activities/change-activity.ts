// Corrections and voids: events with who and why; the KPI service re-counts from them.
import { type RequestContext } from '@nhip/service-http';
import { executeCommand } from '@nhip/event-sourcing';
import type pg from 'pg';
import { activitySlice } from './activity.slice.ts';
import { activityStream, type ActivityCommand, type ActivityEvent } from './activity.ts';

export async function changeActivity(
  pool: pg.Pool,
  activityId: string,
  command: Extract<ActivityCommand, { type: 'CorrectActivity' | 'VoidActivity' }>,
  ctx: RequestContext,
): Promise<readonly ActivityEvent[]> {
  const result = await executeCommand(pool, activitySlice, () =>
    Promise.resolve({
      commandId: ctx.idempotencyKey ?? `${activityId}/${command.type}/${ctx.correlationId}`,
      streamId: activityStream(activityId),
      command,
      metadata: { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor },
    }),
  );
  return result.events;
}
