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

/** A file sorted out before anything touches the database: what to write, and the verdicts so far. */
export interface SortedFile {
  readonly total: number;
  readonly verdicts: Verdict[];
  /** The first line of each report id, in file order; judged again when its chunk is written. */
  readonly fresh: readonly BulkLine[];
  /** Every team the well-formed lines name: the caller's scope must cover them all. */
  readonly teamIds: ReadonlySet<string>;
}

export async function ingestBulk(
  pool: pg.Pool,
  file: SortedFile,
  ctx: ReportContext,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<BulkResult> {
  const { verdicts, fresh, total } = file;
  // Ids are unique across chunks now, so chunks are independent and can be written side by side.
  let next = 0;
  let done = total - fresh.length;
  const worker = async (): Promise<void> => {
    while (next * chunkSize < fresh.length) {
      const start = chunkSize * next++;
      // Decoded only now: the reports of the chunks written and still to come are not held.
      const chunk = fresh.slice(start, start + chunkSize).map(numbered);
      verdicts.push(...(await writeChunk(pool, chunk, ctx)));
      done += chunk.length;
      onProgress(done, total);
    }
  };
  await Promise.all(Array.from({ length: chunksInFlight }, worker));
  verdicts.sort((a, b) => a.line - b.line);
  const count = (v: Verdict['verdict']) => verdicts.filter((x) => x.verdict === v).length;
  const summary = { lines: total, accepted: count('accepted'), duplicate: count('duplicate') };
  return { summary: { ...summary, rejected: count('rejected') }, verdicts };
}

function numbered({ line, check }: BulkLine): Numbered {
  if (!check.ok) throw new Error(`Line ${line} was well-formed when the file was sorted out.`);
  return { line, report: check.report };
}

/**
 * Shape errors and repeats inside the file are settled before anything touches the database. Each
 * line is judged here and dropped: only its id and team are kept (docs/adr/0036).
 */
export function sortOut(lines: readonly BulkLine[]): SortedFile {
  const verdicts: Verdict[] = [];
  const firstSeen = new Map<string, BulkLine>();
  const fresh: BulkLine[] = [];
  const teamIds = new Set<string>();
  for (const bulkLine of lines) {
    const { line, check } = bulkLine;
    if (!check.ok) {
      verdicts.push({ line, verdict: 'rejected', errors: check.problems });
      continue;
    }
    teamIds.add(check.report.teamId);
    const earlier = firstSeen.get(check.report.activityId);
    if (earlier) verdicts.push(twinVerdict(line, check.report, numbered(earlier)));
    else {
      firstSeen.set(check.report.activityId, bulkLine);
      fresh.push(bulkLine);
    }
  }
  return { total: lines.length, verdicts, fresh, teamIds };
}

function twinVerdict(line: number, report: ActivityReport, earlier: Numbered): Verdict {
  return sameReport(report, earlier.report)
    ? { line, activityId: report.activityId, verdict: 'duplicate', of: `line ${earlier.line}` }
    : reused(line, report.activityId, `line ${earlier.line}`);
}
