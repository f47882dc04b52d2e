// Attendance for one session, one member or thousands: every line gets a verdict (accepted,
// duplicate, rejected with field and reason). Accepted lines are decided by the attendance
// decider a chunk at a time, each chunk one transaction of the batched write path with its outbox
// rows; a chunk that fails leaves nothing, and sending the list again is safe ("duplicate").
import type { RequestContext } from '@nhip/service-http';
import { notFound } from '@nhip/service-http';
import type pg from 'pg';
import { sessionFacts } from '../attendance-register/index.ts';
import { withinArea, type MembersInArea } from './attendance-scope.ts';
import type { AttendanceLine, AttendanceResult, Attendee, Verdict } from './verdict.ts';
import { writeChunk } from './write-chunk.ts';

export const chunkSize = 1_000;
/** Chunks written at once: the database works on one while Node prepares the next (2 cores here). */
const chunksInFlight = 2;

/** Who records: the request's context, and whose members it may record (membersInArea). */
export interface AttendanceContext extends RequestContext {
  readonly within: MembersInArea;
  /** The caller's unit, for the reason a member outside it is refused; undefined for admin. */
  readonly area: string | undefined;
}

export async function recordAttendances(
  pool: pg.Pool,
  sessionId: string,
  lines: readonly AttendanceLine[],
  ctx: AttendanceContext,
): Promise<AttendanceResult> {
  if (!(await sessionFacts(pool, sessionId))) throw notFound('session', 'sessionId', sessionId);
  const { verdicts, fresh } = sortOutWithinList(await withinArea(lines, ctx.within, ctx.area));
  const chunks: Attendee[][] = [];
  for (let start = 0; start < fresh.length; start += chunkSize)
    chunks.push(fresh.slice(start, start + chunkSize));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length)
      verdicts.push(...(await writeChunk(pool, sessionId, chunks[next++] ?? [], ctx)));
  };
  await Promise.all(Array.from({ length: chunksInFlight }, worker));
  verdicts.sort((a, b) => a.line - b.line);
  const count = (v: Verdict['verdict']) => verdicts.filter((x) => x.verdict === v).length;
  const newlyTrained = verdicts.filter((v) => v.verdict === 'accepted' && v.newlyTrained).length;
  return {
    summary: {
      lines: lines.length,
      accepted: count('accepted'),
      duplicate: count('duplicate'),
      rejected: count('rejected'),
      newlyTrained,
    },
    verdicts,
  };
}

/** Malformed lines and a member listed twice are settled before anything touches the database. */
function sortOutWithinList(lines: readonly AttendanceLine[]): { verdicts: Verdict[]; fresh: Attendee[] } {
  const verdicts: Verdict[] = [];
  const firstSeen = new Map<string, number>();
  const fresh: Attendee[] = [];
  for (const line of lines) {
    if (!line.ok) {
      verdicts.push({ line: line.line, verdict: 'rejected', errors: line.errors });
      continue;
    }
    const earlier = firstSeen.get(line.memberId);
    if (earlier === undefined) {
      firstSeen.set(line.memberId, line.line);
      fresh.push(line);
    } else
      verdicts.push({
        line: line.line,
        memberId: line.memberId,
        verdict: 'duplicate',
        of: `line ${earlier}`,
      });
  }
  return { verdicts, fresh };
}
