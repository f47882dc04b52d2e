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

/** Recorded before (by this list sent earlier, or alone), or by a concurrent upload just now. */
const duplicateOf = {
  replayed: 'an earlier record',
  unchanged: 'an earlier record',
  raced: 'a concurrent upload',
};

function verdictOf(
  { line, memberId }: Attendee,
  outcome: CommandOutcome<AttendanceEvent> | undefined,
): Verdict {
  if (!outcome) throw new Error(`Recording the attendance of ${memberId} decided nothing.`);
  if (outcome.status === 'appended') {
    return {
      line,
      memberId,
      verdict: 'accepted',
      newlyTrained: outcome.events.some((e) => e.data.firstTraining),
    };
  }
  if (outcome.status === 'refused') {
    const errors = outcome.violation.problems.map(({ field, reason }) => ({ field, reason }));
    return { line, memberId, verdict: 'rejected', errors };
  }
  return { line, memberId, verdict: 'duplicate', of: duplicateOf[outcome.status] };
}
