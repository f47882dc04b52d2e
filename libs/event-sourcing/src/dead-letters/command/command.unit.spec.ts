// The command as a service's image runs it: its own group only, named for it, and typed as there.
import { describe, expect, it } from '@jest/globals';
import type { ReceivedMessage } from '@nhip/messaging';
import { receivedBack as received } from '../../fixtures/received-letter.ts';
import { deadLetter } from '../dead-letter.ts';
import { readDeadLetterRecords } from '../dead-letter-record.ts';
import { summarizeDeadLetters } from '../redrive-plan.ts';
import { checkoutScope, DeadLettersCommandError, parseDeadLettersCommand, serviceScope } from './command.ts';
import { listingLines, otherConsumersLine } from './report.ts';

const kpi = serviceScope('kpi', 'kpi.inputs', 'staging.', ['kafka:9092']);
const checkout = checkoutScope(['127.0.0.1:9092']);

const moved: ReceivedMessage = {
  ...received({ topic: 'staging.public.registry.team.v1', key: 't', value: '{}' }),
  headers: { ce_id: 'id-1', ce_type: 'vn.nhip.registry.team.moved.v1' },
};

describe("a service image's dead-letter command", () => {
  it("re-drives the service's own group, prefixed as the service runs", () => {
    expect(parseDeadLettersCommand(['redrive', '--apply'], kpi)).toEqual({
      name: 'redrive',
      consumer: 'staging.kpi.inputs',
      topic: undefined,
      reason: undefined,
      apply: true,
    });
    expect(() => parseDeadLettersCommand(['redrive'], checkout)).toThrow(/^Usage: npm run dead-letters/);
  });

  it('refuses another group by name, and says how it is typed there', () => {
    const refusal = (() => {
      try {
        parseDeadLettersCommand(['redrive', '--consumer', 'projection.inputs'], kpi);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(DeadLettersCommandError);
    expect((refusal as Error).message).toContain("Unknown option '--consumer'");
    expect((refusal as Error).message).toContain(
      'Usage: node apps/kpi/dist/dead-letters.js [--topic <topic>]   (the letters staging.kpi.inputs set aside)',
    );
  });

  it('shows its own letters, counts the others, and types the next command as the image runs it', () => {
    const own = received(deadLetter(moved, 'staging.kpi.inputs', 'unknown_event_type', 'no handler'));
    const other = received(deadLetter(moved, 'staging.projection.inputs', 'handler_failed', 'x'));
    const read = readDeadLetterRecords([own, other]);
    const seen = { ...read, letters: read.letters.filter((l) => l.consumer === kpi.consumer) };
    const lines = [
      ...listingLines(['staging.public.registry.team.v1.dlt'], seen, summarizeDeadLetters(seen), kpi),
      ...otherConsumersLine(read, seen),
    ];
    expect(lines[0]).toBe(
      '1 dead letter of staging.kpi.inputs on 1 dead-letter topic, 1 letter waiting for a re-drive.',
    );
    expect(lines.join('\n')).not.toContain('staging.public.registry.team.v1 → staging.projection.inputs');
    expect(lines).toContain(
      '  1 letter of other consumer groups there (staging.projection.inputs): each of those services lists its own.',
    );
    expect(lines.some((l) => l.startsWith('    node apps/kpi/dist/dead-letters.js redrive --apply'))).toBe(
      true,
    );
    expect(lines.join('\n')).not.toContain('--consumer');
  });
});
