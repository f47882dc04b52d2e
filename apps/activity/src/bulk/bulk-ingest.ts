// Bulk ingest: every line gets a verdict (accepted, duplicate, rejected with reasons); accepted
// lines are written a chunk at a time, each chunk in one transaction with its outbox rows. A line
// is one report, so a rejected line never leaves half of itself behind; a chunk that fails to
// commit leaves nothing, and re-sending the file is safe (what was stored answers "duplicate").
import { eventIdFor, PostgresEventStore, type NewEvent } from '@nhip/event-sourcing';
import { type RequestContext } from '@nhip/service-http';
import { inTransaction } from '@nhip/event-sourcing';
import type pg from 'pg';
import type { FieldProblem } from '../activities/activity-report.schema.ts';
import { activityOutbox } from '../activities/activity.public-events.ts';
import { activityStream, type ActivityLogged, type ActivityReport } from '../activities/activity.ts';
import { checkReport, type Clock } from '../activities/check-report.decide.ts';
import { factsForReports, sameReport } from '../activities/report-facts.ts';
import type { BulkLine } from './bulk-line.ts';

export type Verdict =
  | { readonly line: number; readonly activityId: string; readonly verdict: 'accepted' }
  | { readonly line: number; readonly activityId: string; readonly verdict: 'duplicate'; readonly of: string }
  | {
      readonly line: number;
      readonly activityId?: string;
      readonly verdict: 'rejected';
      readonly errors: readonly FieldProblem[];
    };

export interface BulkResult {
  readonly summary: { lines: number; accepted: number; duplicate: number; rejected: number };
  readonly verdicts: readonly Verdict[];
}

export const chunkSize = 1_000;
/** Chunks written at once: the database works on one while Node judges the next (2 cores here). */
export const chunksInFlight = 3;

export async function ingestBulk(
  pool: pg.Pool,
  lines: readonly BulkLine[],
  ctx: RequestContext & { readonly lateWindowDays: number },
  onProgress: (done: number, total: number) => void = () => {},
): Promise<BulkResult> {
  const clock: Clock = { now: ctx.now.toISOString(), lateWindowDays: ctx.lateWindowDays };
  const verdicts: Verdict[] = [];
  const firstSeen = new Map<string, { line: number; report: ActivityReport }>();
  const fresh: { line: number; report: ActivityReport }[] = [];
  for (const { line, check } of lines) {
    if (!check.ok) {
      verdicts.push({ line, verdict: 'rejected', errors: check.problems });
      continue;
    }
    const earlier = firstSeen.get(check.report.activityId);
    if (earlier) verdicts.push(twinVerdict(line, check.report, earlier));
    else {
      firstSeen.set(check.report.activityId, { line, report: check.report });
      fresh.push({ line, report: check.report });
    }
  }
  // Ids are unique across chunks now, so chunks are independent and can be written side by side.
  const chunks: (typeof fresh)[] = [];
  for (let start = 0; start < fresh.length; start += chunkSize)
    chunks.push(fresh.slice(start, start + chunkSize));
  let next = 0;
  let done = lines.length - fresh.length;
  const worker = async (): Promise<void> => {
    while (next < chunks.length) {
      const chunk = chunks[next++] ?? [];
      verdicts.push(...(await writeChunk(pool, chunk, clock, ctx)));
      done += chunk.length;
      onProgress(done, lines.length);
    }
  };
  await Promise.all(Array.from({ length: chunksInFlight }, worker));
  verdicts.sort((a, b) => a.line - b.line);
  const count = (v: Verdict['verdict']) => verdicts.filter((x) => x.verdict === v).length;
  return {
    summary: {
      lines: lines.length,
      accepted: count('accepted'),
      duplicate: count('duplicate'),
      rejected: count('rejected'),
    },
    verdicts,
  };
}

function twinVerdict(
  line: number,
  report: ActivityReport,
  earlier: { line: number; report: ActivityReport },
): Verdict {
  return sameReport(report, earlier.report)
    ? { line, activityId: report.activityId, verdict: 'duplicate', of: `line ${earlier.line}` }
    : reused(line, report.activityId, `line ${earlier.line}`);
}

const reused = (line: number, activityId: string, where: string): Verdict => ({
  line,
  activityId,
  verdict: 'rejected',
  errors: [
    {
      field: 'activityId',
      reason: `already used for a different report (${where}): give this report its own id`,
    },
  ],
});

async function writeChunk(
  pool: pg.Pool,
  reports: readonly { line: number; report: ActivityReport }[],
  clock: Clock,
  ctx: RequestContext,
): Promise<Verdict[]> {
  if (reports.length === 0) return [];
  return inTransaction(pool, async (tx) => {
    const stored = await storedReports(
      tx,
      reports.map((r) => r.report.activityId),
    );
    const verdicts: Verdict[] = [];
    const toWrite: { line: number; logged: ActivityLogged }[] = [];
    const facts = await factsForReports(
      tx,
      reports.map((r) => r.report).filter((r) => !stored.has(r.activityId)),
    );
    for (const { line, report } of reports) {
      const before = stored.get(report.activityId);
      if (before) {
        verdicts.push(
          sameReport(report, before)
            ? { line, activityId: report.activityId, verdict: 'duplicate', of: 'an earlier upload' }
            : reused(line, report.activityId, 'an earlier upload'),
        );
        continue;
      }
      const judgement = checkReport(report, facts(report), clock);
      if (judgement.ok) toWrite.push({ line, logged: judgement.logged });
      else
        verdicts.push({
          line,
          activityId: report.activityId,
          verdict: 'rejected',
          errors: judgement.violations.map(({ field, reason }) => ({ field, reason })),
        });
    }
    const created = await new PostgresEventStore(tx).appendNewStreams(
      toWrite.map(({ logged }) => newStream(logged, ctx)),
    );
    for (const { line, logged } of toWrite) {
      // Not created: a concurrent upload stored it between our look-up and our insert.
      verdicts.push(
        created.has(activityStream(logged.activityId))
          ? { line, activityId: logged.activityId, verdict: 'accepted' }
          : { line, activityId: logged.activityId, verdict: 'duplicate', of: 'a concurrent upload' },
      );
    }
    return verdicts;
  });
}

// The same event and message ids as the single endpoint would derive (command id = activity id),
// so a report sent once alone and once in a file is one event and one message.
function newStream(logged: ActivityLogged, ctx: RequestContext) {
  const event: NewEvent = {
    eventId: eventIdFor(logged.activityId, 0),
    type: 'ActivityLogged',
    data: logged,
    metadata: {
      correlationId: ctx.correlationId,
      causationId: logged.activityId,
      occurredAt: logged.occurredAt,
      actor: ctx.actor,
    },
  };
  const outbox = activityOutbox([{ type: 'ActivityLogged', data: logged }], logged.activityId);
  return { streamId: activityStream(logged.activityId), event, outbox };
}

async function storedReports(
  tx: pg.PoolClient,
  activityIds: readonly string[],
): Promise<Map<string, ActivityLogged>> {
  const first = await new PostgresEventStore(tx).readFirstEvents(activityIds.map(activityStream));
  return new Map(
    [...first.values()].map((e) => [(e.data as ActivityLogged).activityId, e.data as ActivityLogged]),
  );
}
