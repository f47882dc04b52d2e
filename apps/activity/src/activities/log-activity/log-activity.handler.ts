// Logging one report: judged by the activity decider against the replica, the campaigns and the
// clock; a retry (same activityId, same content) is answered with the original result, even if the
// facts changed since: a report whose stream exists, or that the decider refuses, takes the full
// write path, which replays a handled command before deciding anything.
import { DomainRuleViolation } from '@nhip/decider';
import { executeFirstCommand } from '@nhip/event-sourcing';
import { beforeAnyWrite, soleWriteFailed } from '@nhip/postgres';
import { ProblemError, problemType, type RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { activityAggregate } from '../activity.aggregate.ts';
import { activityStream, type ActivityLogged, type ActivityReport } from '../activity.ts';
import { sameReport } from '../check-report.decide.ts';
import { factsForReports } from '../report-facts.queries.ts';
import type { LateWindow } from '../late-window.ts';

export interface Logged {
  readonly replayed: boolean;
  readonly activity: ActivityLogged;
}

export type ReportContext = RequestContext & { readonly lateWindow: LateWindow };

export async function logActivity(
  pool: pg.Pool,
  report: ActivityReport,
  ctx: ReportContext,
): Promise<Logged> {
  try {
    // The facts are a snapshot of the replica either way; read before the write, they keep the
    // write to one statement (bench:command).
    const facts = (await beforeAnyWrite(factsForReports(pool, [report])))(report);
    const result = await executeFirstCommand(pool, activityAggregate, {
      commandId: report.activityId,
      streamId: activityStream(report.activityId),
      command: {
        type: 'LogActivity',
        report,
        facts,
        receivedAt: ctx.now.toISOString(),
        lateWindow: ctx.lateWindow,
      },
      metadata: { correlationId: ctx.correlationId, occurredAt: report.occurredAt, actor: ctx.actor },
    });
    const logged = result.events[0];
    if (logged?.type !== 'ActivityLogged') throw new Error('Logging an activity decided no ActivityLogged.');
    return { replayed: result.append?.alreadyAppended ?? false, activity: answerRetry(report, logged.data) };
  } catch (error) {
    // One report, one write: failed before it was sent, the client may learn nothing was written.
    throw error instanceof DomainRuleViolation ? refused(error) : soleWriteFailed(error);
  }
}

/** A stored report answers a retry of itself; the same id with other details is a client error. */
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

function refused(violation: DomainRuleViolation): ProblemError {
  return new ProblemError({
    type: problemType(violation.code),
    title: 'The report cannot be accepted',
    status: 422,
    detail: violation.message,
    errors: violation.problems.map(({ field, reason }) => ({ field, reason })),
  });
}
