// One chunk of a bulk upload through the batched write path: the facts for every report are looked
// up set-wise in the chunk's transaction, then each report is one LogActivity command, decided by
// the same decider as the single endpoint. Outcomes become the verdicts a person reads.
import { executeCommands, type CommandOutcome, type Tx } from '@nhip/event-sourcing';
import type pg from 'pg';
import { activityAggregate } from '../activity.aggregate.ts';
import { activityStream, type ActivityEvent, type ActivityReport } from '../activity.ts';
import { sameReport } from '../check-report.decide.ts';
import type { ReportContext } from '../log-activity/index.ts';
import { factsForReports } from '../report-facts.queries.ts';
import { reused, type Verdict } from './verdict.ts';

export interface Numbered {
  readonly line: number;
  readonly report: ActivityReport;
}

export async function writeChunk(
  pool: pg.Pool,
  chunk: readonly Numbered[],
  ctx: ReportContext,
): Promise<Verdict[]> {
  if (chunk.length === 0) return [];
  const receivedAt = ctx.now.toISOString();
  const outcomes = await executeCommands(pool, activityAggregate, async (tx: Tx) => {
    const facts = await factsForReports(
      tx,
      chunk.map((c) => c.report),
    );
    // The same command and stream ids as the single endpoint (command id = activity id), so a
    // report sent once alone and once in a file is one event and one message.
    return chunk.map(({ report }) => ({
      commandId: report.activityId,
      streamId: activityStream(report.activityId),
      command: {
        type: 'LogActivity' as const,
        report,
        facts: facts(report),
        receivedAt,
        lateWindow: ctx.lateWindow,
      },
      metadata: { correlationId: ctx.correlationId, occurredAt: report.occurredAt, actor: ctx.actor },
    }));
  });
  return chunk.map((numbered, i) => verdictOf(numbered, outcomes[i]));
}

function verdictOf({ line, report }: Numbered, outcome: CommandOutcome<ActivityEvent> | undefined): Verdict {
  const { activityId } = report;
  switch (outcome?.status) {
    case 'appended':
      return { line, activityId, verdict: 'accepted' };
    case 'replayed':
      return retryVerdict({ line, report }, outcome.events[0]);
    case 'refused':
      return {
        line,
        activityId,
        verdict: 'rejected',
        errors: outcome.violation.problems.map(fieldAndReason),
      };
    case 'raced':
      // A concurrent upload stored it between our look-up and our insert.
      return { line, activityId, verdict: 'duplicate', of: 'a concurrent upload' };
    default:
      throw new Error(`Logging activity ${activityId} decided nothing.`);
  }
}

/** Stored before under this id: the same report is a duplicate, another one reuses the id. */
function retryVerdict({ line, report }: Numbered, stored: ActivityEvent | undefined): Verdict {
  return stored?.type === 'ActivityLogged' && sameReport(report, stored.data)
    ? { line, activityId: report.activityId, verdict: 'duplicate', of: 'an earlier upload' }
    : reused(line, report.activityId, 'an earlier upload');
}

const fieldAndReason = ({ field, reason }: { field: string; reason: string }) => ({ field, reason });
