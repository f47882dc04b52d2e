import { describe, expect, it } from '@jest/globals';
import type { ReceivedMessage } from '@nhip/messaging';
import { deadLetter } from '../dead-letters/dead-letter.ts';
import { maxMessageBytes, parseIncoming } from './incoming-event.ts';

const message = (value: Buffer | string, headers: Record<string, string>): ReceivedMessage => ({
  topic: 'public.activity.activity.v1',
  partition: 2,
  offset: 41n,
  key: '26734',
  value: Buffer.from(value),
  headers,
  timestamp: new Date('2024-03-05T12:00:00Z'),
});
const ce = { ce_specversion: '1.0', ce_id: 'e-1', ce_type: 'known', ce_source: '/nhip/activity' };
const known = (type: string): boolean => type === 'known';

describe('reading a CloudEvent off Kafka', () => {
  it('accepts a well-formed event with Vietnamese data', () => {
    const parsed = parseIncoming(message('{"note":"Đi từng ngõ, gõ từng nhà"}', ce), known);
    expect(parsed.ok && parsed.event).toMatchObject({
      id: 'e-1',
      type: 'known',
      data: { note: 'Đi từng ngõ, gõ từng nhà' },
    });
  });

  it.each([
    ['missing_ce_id', '{}', { ...ce, ce_id: '' }],
    ['missing_ce_type', '{}', { ce_id: 'e-1' }],
    ['unsupported_specversion', '{}', { ...ce, ce_specversion: '0.3' }],
    ['unknown_event_type', '{}', { ...ce, ce_type: 'vn.nhip.other.v1' }],
    ['malformed_json', '{"a":', ce],
    ['malformed_json', Buffer.from([0x7b, 0xff, 0x7d]), ce], // invalid UTF-8
    ['oversized', `"${'x'.repeat(maxMessageBytes)}"`, ce],
  ])('calls it poison: %s', (reason, value, headers) => {
    const parsed = parseIncoming(message(value, headers), known);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toBe(reason);
  });

  it('dead-letters with the original bytes, key and headers plus where and why', () => {
    const original = message(Buffer.from([0x7b, 0xff]), ce);
    const letter = deadLetter(original, 'kpi-rollup', 'malformed_json', 'bad bytes');
    expect(letter.topic).toBe('public.activity.activity.v1.dlt');
    expect(letter.key).toBe('26734');
    expect(Buffer.compare(letter.value as Buffer, original.value)).toBe(0);
    expect(letter.headers).toMatchObject({
      ...ce,
      dlt_reason: 'malformed_json',
      dlt_detail: 'bad bytes',
      dlt_consumer: 'kpi-rollup',
      dlt_original_partition: '2',
      dlt_original_offset: '41',
    });
  });
});
