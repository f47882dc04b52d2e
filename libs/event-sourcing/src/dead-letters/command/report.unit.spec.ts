// The listing's lines an operator meets less often: no dead-letter topic at all, records that are
// not letters, and letters that failed again after a re-drive.
import { describe, expect, it } from '@jest/globals';
import { deadLetter, readDeadLetterRecords, redriveMessage, summarizeDeadLetters } from '../../index.ts';
import type { ReceivedMessage } from '@nhip/messaging';
import { receivedBack as received } from '../../fixtures/received-letter.ts';
import { listingLines } from './report.ts';

const checkout = { redrive: (consumer: string) => `npm run dead-letters -- redrive --consumer ${consumer}` };

const moved: ReceivedMessage = {
  ...received({ topic: 'public.registry.team.v1', key: 't', value: '{}' }),
  headers: { ce_id: 'id-1', ce_type: 'vn.nhip.registry.team.moved.v1' },
};

describe('the dead-letter listing', () => {
  it('says when no consumer has set anything aside', () => {
    const read = readDeadLetterRecords([]);
    expect(listingLines([], read, [], checkout)).toEqual([
      'No dead-letter topic on the broker: no consumer has set a message aside.',
    ]);
    expect(listingLines(['public.registry.team.v1.dlt'], read, [], checkout)).toEqual([
      '0 dead letters on 1 dead-letter topic.',
    ]);
  });

  it('counts records no consumer wrote, and letters that failed again after a re-drive', () => {
    const first = received(deadLetter(moved, 'kpi.inputs', 'handler_failed', 'unit 24175 is unknown'));
    const [letter] = readDeadLetterRecords([first]).letters;
    const sentBack = { ...moved, headers: redriveMessage(letter!).headers ?? {} };
    const again = received(
      deadLetter(sentBack, 'kpi.inputs', 'handler_failed', 'unit 24175 is still unknown'),
    );
    const stray = received({ topic: 'public.registry.team.v1.dlt', key: null, value: 'x' });
    const read = readDeadLetterRecords([first, again, stray]);
    const lines = listingLines(['public.registry.team.v1.dlt'], read, summarizeDeadLetters(read), checkout);
    expect(lines).toContain('  1 record there not written by a consumer (skipped).');
    expect(lines).toContain('      1 letter failed again after a re-drive');
    expect(lines[0]).toBe('2 dead letters on 1 dead-letter topic, 2 letters waiting for a re-drive.');
  });
});
