// Bulk ingest: every line gets a verdict (accepted, duplicate, rejected with reasons). Accepted
// lines are decided by the activity decider, exactly as a single report is, a chunk at a time:
// each chunk is one transaction of the batched write path with its outbox rows. A rejected line
// never leaves half of itself behind; a chunk that fails to commit leaves nothing, and re-sending
// the file is safe (what was stored answers "duplicate").
import type pg from 'pg';
import type { ActivityReport } from '../activity.ts';
import { sameReport } from '../check-report.decide.ts';
import type { ReportContext } from '../log-activity/index.ts';
import type { BulkLine } from './bulk-line.ts';
import { reused, type Verdict } from './verdict.ts';
import { writeChunk, type Numbered } from './write-chunk.ts';

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
  ctx: ReportContext,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<BulkResult> {
  const { verdicts, fresh } = sortOutWithinFile(lines);
  // Ids are unique across chunks now, so chunks are independent and can be written side by side.
  const chunks: Numbered[][] = [];
  for (let start = 0; start < fresh.length; start += chunkSize)
    chunks.push(fresh.slice(start, start + chunkSize));
  let next = 0;
  let done = lines.length - fresh.length;
  const worker = async (): Promise<void> => {
    while (next < chunks.length) {
      const chunk = chunks[next++] ?? [];
      verdicts.push(...(await writeChunk(pool, chunk, ctx)));
      done += chunk.length;
      onProgress(done, lines.length);
    }
  };
  await Promise.all(Array.from({ length: chunksInFlight }, worker));
  verdicts.sort((a, b) => a.line - b.line);
  const count = (v: Verdict['verdict']) => verdicts.filter((x) => x.verdict === v).length;
  const summary = { lines: lines.length, accepted: count('accepted'), duplicate: count('duplicate') };
  return { summary: { ...summary, rejected: count('rejected') }, verdicts };
}

/** Shape errors and repeats inside the file are settled before anything touches the database. */
function sortOutWithinFile(lines: readonly BulkLine[]): { verdicts: Verdict[]; fresh: Numbered[] } {
  const verdicts: Verdict[] = [];
  const firstSeen = new Map<string, Numbered>();
  const fresh: Numbered[] = [];
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
  return { verdicts, fresh };
}

function twinVerdict(line: number, report: ActivityReport, earlier: Numbered): Verdict {
  return sameReport(report, earlier.report)
    ? { line, activityId: report.activityId, verdict: 'duplicate', of: `line ${earlier.line}` }
    : reused(line, report.activityId, `line ${earlier.line}`);
}
