// Defining a course: one stream per course, its catalog row in the same transaction.
import type { CourseDefinedData } from '@nhip/contracts';
import { deterministicUuid, executeCommand } from '@nhip/event-sourcing';
import { commandIdOf, type RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { courseAggregate } from '../course.aggregate.ts';
import { courseStream, type CourseDefinition } from '../course.ts';

export async function defineCourse(
  pool: pg.Pool,
  input: Omit<CourseDefinition, 'courseId'> & { courseId?: string | undefined },
  ctx: RequestContext,
): Promise<CourseDefinedData> {
  const commandId = input.courseId ?? commandIdOf(ctx);
  const courseId = input.courseId ?? deterministicUuid(`course/${commandId}`);
  const result = await executeCommand(pool, courseAggregate, () =>
    Promise.resolve({
      commandId,
      streamId: courseStream(courseId),
      command: { type: 'DefineCourse' as const, course: { ...input, courseId }, at: ctx.now.toISOString() },
      metadata: { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor },
    }),
  );
  const defined = result.events[0];
  if (!defined) throw new Error('Defining a course decided nothing.');
  return defined.data;
}
