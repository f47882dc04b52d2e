// Planning a session: the course from this service's catalog, the tree in force on the start day
// and the units named from the registry replica; the decider judges the plan against them.
import { vietnamDay, type SessionPlannedData } from '@nhip/contracts';
import { deterministicUuid, executeCommand, type Tx } from '@nhip/event-sourcing';
import { commandIdOf, type RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { findCourse } from '../../courses/course-catalog/index.ts';
import { treeVersionInForce, unitPaths } from '../../registry-replica/replica-facts/index.ts';
import { sessionAggregate } from '../session.aggregate.ts';
import { sessionStream, type PlanFacts, type SessionPlan } from '../session.ts';

export async function planSession(
  pool: pg.Pool,
  input: Omit<SessionPlan, 'sessionId'> & { sessionId?: string | undefined },
  ctx: RequestContext,
): Promise<SessionPlannedData> {
  const commandId = input.sessionId ?? commandIdOf(ctx);
  const plan = { ...input, sessionId: input.sessionId ?? deterministicUuid(`session/${commandId}`) };
  const result = await executeCommand(pool, sessionAggregate, async (tx) => ({
    commandId,
    streamId: sessionStream(plan.sessionId),
    command: {
      type: 'PlanSession' as const,
      plan,
      facts: await planFacts(tx, plan),
      at: ctx.now.toISOString(),
    },
    metadata: { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor },
  }));
  const planned = result.events[0];
  if (planned?.type !== 'SessionPlanned') throw new Error('Planning a session decided nothing.');
  return planned.data;
}

async function planFacts(tx: Tx, plan: SessionPlan): Promise<PlanFacts> {
  const day = vietnamDay(new Date(plan.startsAt));
  const [course, treeVersion] = await Promise.all([
    findCourse(tx, plan.courseId),
    treeVersionInForce(tx, day),
  ]);
  const codes = [plan.unitCode, ...plan.bridgePoints.flatMap((p) => [p.unitCode, p.hostUnitCode])];
  const units = treeVersion
    ? await unitPaths(tx, treeVersion, [...new Set(codes)])
    : new Map<string, string[]>();
  return { courseKnown: course !== undefined, treeVersion, units };
}
