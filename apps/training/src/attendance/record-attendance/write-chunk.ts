// One chunk of a list through the batched write path: the session and every member's teams are
// looked up set-wise in the chunk's transaction, then each line is one RecordAttendance command,
// decided by the same decider as a single attendance. Outcomes become the verdicts a person reads.
import { executeCommands, type CommandOutcome, type Tx } from '@nhip/event-sourcing';
import type { RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { teamsOfMembers } from '../../registry-replica/replica-facts/index.ts';
import { attendanceAggregate } from '../attendance.aggregate.ts';
import { attendanceCommandId, traineeStream, type AttendanceEvent } from '../attendance.ts';
import { sessionFacts } from '../attendance-register/index.ts';
import type { Attendee, Verdict } from './verdict.ts';

export async function writeChunk(
  pool: pg.Pool,
  sessionId: string,
  chunk: readonly Attendee[],
  ctx: RequestContext,
): Promise<Verdict[]> {
  if (chunk.length === 0) return [];
  const at = ctx.now.toISOString();
  const outcomes = await executeCommands(pool, attendanceAggregate, async (tx: Tx) => {
    const session = await sessionFacts(tx, sessionId);
    const teams = await teamsOfMembers(
      tx,
      chunk.map((a) => a.memberId),
    );
    return chunk.map(({ memberId, bridgePoint, completedOn }) => ({
      commandId: attendanceCommandId(sessionId, memberId),
      streamId: traineeStream(memberId),
      command: {
        type: 'RecordAttendance' as const,
        memberId,
        sessionId,
        bridgePoint,
        completedOn,
        facts: { session, teams: teams.get(memberId) ?? [] },
        at,
      },
      metadata: { correlationId: ctx.correlationId, occurredAt: at, actor: ctx.actor },
    }));
  });
  return chunk.map((attendee, i) => verdictOf(attendee, outcomes[i]));
}

function verdictOf(
  { line, memberId }: Attendee,
  outcome: CommandOutcome<AttendanceEvent> | undefined,
): Verdict {
  switch (outcome?.status) {
    case 'appended':
      return {
        line,
        memberId,
        verdict: 'accepted',
        newlyTrained: outcome.events[0]?.data.firstTraining ?? false,
      };
    case 'replayed':
    case 'unchanged':
      return { line, memberId, verdict: 'duplicate', of: 'an earlier record' };
    case 'refused':
      return {
        line,
        memberId,
        verdict: 'rejected',
        errors: outcome.violation.problems.map(({ field, reason }) => ({ field, reason })),
      };
    case 'raced':
      return { line, memberId, verdict: 'duplicate', of: 'a concurrent upload' };
    default:
      throw new Error(`Recording the attendance of ${memberId} decided nothing.`);
  }
}
