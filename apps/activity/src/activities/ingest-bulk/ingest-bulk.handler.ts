// Bulk ingest: every line gets a verdict (accepted, duplicate, rejected with reasons). Accepted
// lines are decided by the activity decider, exactly as a single report is, a chunk at a time:
// each chunk is one transaction of the batched write path with its outbox rows. A rejected line
// never leaves half of itself behind; a chunk that fails to commit leaves nothing, and re-sending
// the file is safe (what was stored answers "duplicate").
//
// The file is read twice (docs/adr/0036, 0039): sortOut judges each line and keeps only what the
// second reading needs (the rejected lines' verdicts, which lines repeat an earlier id, the teams);
// ingestBulk reads it again and writes the first line of each id as it comes, a chunk at a time.
import type pg from 'pg';
import type { ActivityReport } from '../activity.ts';
import { sameReport } from '../check-report.decide.ts';
import type { ReportContext } from '../log-activity/index.ts';
import type { BulkLine } from './bulk-line.ts';
import { ChunkWriter } from './chunk-writer.ts';
import { FirstLineById } from './first-line-by-id.ts';
import { reused, type Verdict } from './verdict.ts';
import { VerdictLog } from './verdict-log.ts';
import type { Numbered } from './write-chunk.ts';

export interface BulkResult {
  readonly summary: { lines: number; accepted: number; duplicate: number; rejected: number };
  /** In line order. */
  readonly verdicts: Iterable<Verdict>;
}

export const chunkSize = 1_000;

/** A file sorted out before anything touches the database. */
export interface SortedFile {
  readonly total: number;
  /** The rejected lines' verdicts; the rest are given when the file is read again. */
  readonly verdicts: VerdictLog;
  /** Well-formed lines that are the first of their report id: the ones to write. */
  readonly fresh: number;
  /** A later line with an id seen before → the line that id was first seen on. */
  readonly repeats: ReadonlyMap<number, number>;
  /** Every team the well-formed lines name: the caller's scope must cover them all. */
  readonly teamIds: ReadonlySet<string>;
}

/**
 * Shape errors and repeats inside the file are settled before anything touches the database. Each
 * line is judged here and dropped: only its id (until the file ends, as 16 bytes outside the
 * JavaScript heap) and team are kept.
 */
export async function sortOut(lines: AsyncIterable<BulkLine>): Promise<SortedFile> {
  const verdicts = new VerdictLog();
  const firstSeen = new FirstLineById();
  const repeats = new Map<number, number>();
  const teamIds = new Set<string>();
  let total = 0;
  for await (const { line, check } of lines) {
    total++;
    if (!check.ok) {
      verdicts.add({ line, verdict: 'rejected', errors: check.problems });
      continue;
    }
    teamIds.add(check.report.teamId);
    const earlier = firstSeen.firstLineOf(check.report.activityId, line);
    if (earlier !== undefined) repeats.set(line, earlier);
  }
  return { total, verdicts, fresh: firstSeen.size, repeats, teamIds };
}

/** The file sorted out, and its lines to read again. */
export interface FileToWrite extends SortedFile {
  readonly lines: AsyncIterable<BulkLine>;
}

export async function ingestBulk(
  pool: pg.Pool,
  file: FileToWrite,
  ctx: ReportContext,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<BulkResult> {
  const { verdicts, total, repeats, lines } = file;
  let done = total - file.fresh;
  const writer = new ChunkWriter(pool, ctx, (written) => {
    for (const verdict of written) verdicts.add(verdict);
    done += written.length;
    onProgress(done, total);
  });
  // The reports repeated later in the file, kept from their first line until the file ends.
  const repeated = new Set(repeats.values());
  const firsts = new Map<number, ActivityReport>();
  const chunk: Numbered[] = [];
  try {
    for await (const { line, check } of lines) {
      if (!check.ok) continue;
      const earlier = repeats.get(line);
      if (earlier !== undefined) {
        verdicts.add(twinVerdict(line, check.report, earlier, firsts.get(earlier)));
        continue;
      }
      if (repeated.has(line)) firsts.set(line, check.report);
      chunk.push({ line, report: check.report });
      if (chunk.length === chunkSize) await writer.write(chunk.splice(0));
    }
    await writer.write(chunk);
  } finally {
    // A failed read answers only once the chunks already started are done: none commits after it.
    await writer.settle();
  }
  await writer.finish();
  return resultOf(verdicts, total);
}

function resultOf(verdicts: VerdictLog, total: number): BulkResult {
  const count = (v: Verdict['verdict']) => verdicts.count(v);
  const summary = { lines: total, accepted: count('accepted'), duplicate: count('duplicate') };
  return { summary: { ...summary, rejected: count('rejected') }, verdicts };
}

function twinVerdict(
  line: number,
  report: ActivityReport,
  earlierLine: number,
  earlier: ActivityReport | undefined,
): Verdict {
  if (earlier === undefined) throw new Error(`Line ${earlierLine} was not read before line ${line}.`);
  return sameReport(report, earlier)
    ? { line, activityId: report.activityId, verdict: 'duplicate', of: `line ${earlierLine}` }
    : reused(line, report.activityId, `line ${earlierLine}`);
}
