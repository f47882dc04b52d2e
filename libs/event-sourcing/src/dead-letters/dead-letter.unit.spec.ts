// A dead letter keeps the original message, except a body too large for any topic to take again.
import { describe, expect, it } from '@jest/globals';
import { deadLetter } from './dead-letter.ts';
import { maxMessageBytes } from '../consumer/incoming-event.ts';

const message = (value: Buffer) => ({
  topic: 'public.registry.team.v1',
  partition: 2,
  offset: 41n,
  key: 'k',
  value,
  headers: { ce_id: 'id-1', ce_type: 'vn.nhip.registry.team.registered.v1' },
  timestamp: new Date(0),
});

describe('deadLetter', () => {
  it('keeps the original bytes, key and headers, and says why and where from', () => {
    const letter = deadLetter(message(Buffer.from('{"teamId": ')), 'replica', 'malformed_json', 'bad');
    expect(letter.topic).toBe('public.registry.team.v1.dlt');
    expect(letter.value.toString()).toBe('{"teamId": ');
    expect(letter.key).toBe('k');
    expect(letter.headers).toMatchObject({
      ce_id: 'id-1',
      dlt_reason: 'malformed_json',
      dlt_consumer: 'replica',
      dlt_original_partition: '2',
      dlt_original_offset: '41',
    });
    expect(letter.headers?.['dlt_body_omitted_bytes']).toBeUndefined();
  });

  it('leaves out a body above the limit, which the dead-letter topic would refuse, and says how large it was', () => {
    const letter = deadLetter(message(Buffer.alloc(maxMessageBytes + 1)), 'replica', 'oversized', 'too big');
    expect(letter.value.length).toBe(0);
    expect(letter.headers?.['dlt_body_omitted_bytes']).toBe(String(maxMessageBytes + 1));
    expect(letter.headers?.['dlt_original_offset']).toBe('41');
  });
});
