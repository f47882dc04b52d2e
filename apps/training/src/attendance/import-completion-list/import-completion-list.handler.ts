// A completion list for one session: parsed line by line, phone numbers resolved to member ids by
// one registry look-up, then every line through the same batched write path as any attendance.
import type pg from 'pg';
import {
  recordAttendances,
  type AttendanceContext,
  type AttendanceLine,
  type AttendanceResult,
} from '../record-attendance/index.ts';
import type { CompletionLine } from './completion-list.csv.ts';
import { lookUpPhones, type PhoneMatch } from './member-lookup.client.ts';

export interface ImportContext extends AttendanceContext {
  readonly registryUrl: string;
  readonly authorization: string | undefined;
}

export async function importCompletionList(
  pool: pg.Pool,
  sessionId: string,
  lines: readonly CompletionLine[],
  ctx: ImportContext,
): Promise<AttendanceResult> {
  const phones = [...new Set(lines.flatMap((l) => (l.ok && 'phone' in l.who ? [l.who.phone] : [])))];
  const matches = await lookUpPhones({
    registryUrl: ctx.registryUrl,
    phones,
    authorization: ctx.authorization,
    correlationId: ctx.correlationId,
  });
  return recordAttendances(
    pool,
    sessionId,
    lines.map((l) => resolve(l, matches)),
    ctx,
  );
}

function resolve(line: CompletionLine, matches: ReadonlyMap<string, PhoneMatch>): AttendanceLine {
  if (!line.ok) return line;
  const { bridgePoint, completedOn } = line;
  if ('memberId' in line.who)
    return { line: line.line, ok: true, memberId: line.who.memberId, bridgePoint, completedOn };
  const match = matches.get(line.who.phone);
  if (match?.memberId)
    return { line: line.line, ok: true, memberId: match.memberId, bridgePoint, completedOn };
  const reason =
    match && 'match' in match && match.match === 'several'
      ? 'several members have this phone number: give the member id'
      : 'no member with this phone number in the registry';
  return { line: line.line, ok: false, errors: [{ field: 'phone', reason }] };
}
