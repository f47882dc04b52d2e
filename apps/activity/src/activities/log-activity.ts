// Logging one report: judged against the replica and the clock; a retry (same activityId, same
// content) is answered with the original result, even if the facts changed since.
import { PostgresEventStore } from '@nhip/event-sourcing';
import { ProblemError, problemType, type RequestContext } from '@nhip/service-http';
import { executeCommand } from '@nhip/event-sourcing';
import type pg from 'pg';
import { activitySlice } from './activity.slice.ts';
import { activityStream, type ActivityLogged, type ActivityReport } from './activity.ts';
import { checkReport, type Violation } from './check-report.decide.ts';
import { factsForReports, sameReport } from './report-facts.ts';

export interface Logged {
  readonly replayed: boolean;
  readonly activity: ActivityLogged;
}

export async function logActivity(
  pool: pg.Pool,
  report: ActivityReport,
  ctx: RequestContext & { readonly lateWindowDays: number },
): Promise<Logged> {
  const facts = await factsForReports(pool, [report]);
  const judgement = checkReport(report, facts(report), {
    now: ctx.now.toISOString(),
    lateWindowDays: ctx.lateWindowDays,
  });
  if (!judgement.ok) {
    // A retry of a report accepted before the facts changed (the team dissolved since, the
    // window passed) still gets its original answer. Accepted reports are recognised below.
    const earlier = await storedReport(pool, report.activityId);
    if (earlier) return { replayed: true, activity: answerRetry(report, earlier) };
    throw refused(judgement.violations);
  }
  const result = await executeCommand(pool, activitySlice, () =>
    Promise.resolve({
      commandId: report.activityId,
      streamId: activityStream(report.activityId),
      command: { type: 'LogActivity' as const, logged: judgement.logged },
      metadata: { correlationId: ctx.correlationId, occurredAt: report.occurredAt, actor: ctx.actor },
    }),
  );
  const logged = result.events[0];
  if (logged?.type !== 'ActivityLogged') throw new Error('Logging an activity decided no ActivityLogged.');
  // A concurrent twin of this request may have won the race; it is then a retry like any other.
  return { replayed: result.append?.alreadyAppended ?? false, activity: answerRetry(report, logged.data) };
}

async function storedReport(
  db: Pick<pg.Pool, 'query'>,
  activityId: string,
): Promise<ActivityLogged | undefined> {
  const streamId = activityStream(activityId);
  const first = (await new PostgresEventStore(db).readFirstEvents([streamId])).get(streamId);
  return first?.type === 'ActivityLogged' ? (first.data as ActivityLogged) : undefined;
}

function answerRetry(report: ActivityReport, stored: ActivityLogged): ActivityLogged {
  if (sameReport(report, stored)) return stored;
  throw new ProblemError({
    type: problemType('activity_id_reused'),
    title: 'This activity id was used for another report',
    status: 409,
    detail: `Activity ${report.activityId} was already reported with other details: use a new activity id, or correct the first report (POST /activities/${report.activityId}/corrections).`,
    errors: [{ field: 'activityId', reason: 'already used for a different report' }],
  });
}

export function refused(violations: readonly Violation[]): ProblemError {
  return new ProblemError({
    type: problemType(violations[0]?.code ?? 'rejected'),
    title: 'The report cannot be accepted',
    status: 422,
    detail: violations.map((v) => `${v.field}: ${v.reason}`).join(' '),
    errors: violations.map(({ field, reason }) => ({ field, reason })),
  });
}
