import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { bulkReply } from './bulk-reply.ts';
import type { BulkResult } from './ingest-bulk.handler.ts';
import type { Verdict } from './verdict.ts';
import { VerdictLog } from './verdict-log.ts';

const verdictOf = (line: number): Verdict =>
  line % 7 === 0
    ? { line, verdict: 'rejected', errors: [{ field: 'kind', reason: 'không hợp lệ "x"' }] }
    : { line, activityId: randomUUID(), verdict: 'accepted' };

async function text(stream: Readable): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += String(chunk);
  return out;
}

describe('the verdicts written a slice at a time', () => {
  it('are the same JSON text as the result serialized whole, for any number of lines', async () => {
    for (const lines of [0, 1, 999, 1_000, 2_501]) {
      const verdicts = Array.from({ length: lines }, (_, i) => verdictOf(i + 1));
      const result: BulkResult = { summary: { lines, accepted: 0, duplicate: 0, rejected: 0 }, verdicts };
      const reply = bulkReply(result);
      expect(reply.getHeaders().type).toBe('application/json; charset=utf-8');
      expect(await text(reply.getStream())).toBe(JSON.stringify(result));
    }
  });

  it('come out of the log in line order and counted, whatever order the chunks finished in', async () => {
    const verdicts = Array.from({ length: 3_000 }, (_, i) => verdictOf(i + 1)).filter((v) => v.line !== 5);
    const log = new VerdictLog();
    for (const v of [...verdicts.slice(2_000), ...verdicts.slice(0, 2_000).reverse()]) log.add(v);
    expect([...log]).toEqual(verdicts);
    expect([log.count('accepted'), log.count('rejected'), log.count('duplicate')]).toEqual([2_571, 428, 0]);
    const summary = { lines: 2_999, accepted: 2_571, duplicate: 0, rejected: 428 };
    expect(await text(bulkReply({ summary, verdicts: log }).getStream())).toBe(
      JSON.stringify({ summary, verdicts }),
    );
  });

  it('keep storage by verdict, not by line number: one report after millions of blank lines', () => {
    const log = new VerdictLog();
    const before = process.memoryUsage().arrayBuffers;
    const far = { line: 50_000_000, activityId: randomUUID(), verdict: 'accepted' } as const;
    log.add(far);
    log.add({ line: 3, verdict: 'rejected', errors: [{ field: 'kind', reason: 'không hợp lệ "x"' }] });
    // By line number this was 50 M × 37 bytes (1.8 GB) for two verdicts.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1024 * 1024);
    expect([...log].map((v) => v.line)).toEqual([3, 50_000_000]);
    expect([...log][1]).toEqual(far);
  });
});
