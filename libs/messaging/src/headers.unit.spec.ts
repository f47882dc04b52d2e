import { describe, expect, it } from '@jest/globals';
import { headersFromKafka, headersToKafka } from './headers.ts';

describe('Kafka header conversion', () => {
  it('decodes byte headers as UTF-8 text, Vietnamese included', () => {
    const headers = headersFromKafka([
      [Buffer.from('ce_source'), Buffer.from('/nhịp/registry')],
      [Buffer.from('traceparent'), Buffer.from('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')],
    ]);
    expect(headers).toEqual({
      ce_source: '/nhịp/registry',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
  });

  it('keeps the last value of a repeated header and reads a missing value as empty', () => {
    const headers = headersFromKafka([
      ['x', Buffer.from('first')],
      ['x', Buffer.from('second')],
      ['empty', undefined],
    ]);
    expect(headers).toEqual({ x: 'second', empty: '' });
  });

  it('round-trips through the Kafka representation', () => {
    const original = { ce_id: 'e-1', ce_type: 'vn.nhip.registry.team.registered.v1' };
    expect(headersFromKafka(headersToKafka(original))).toEqual(original);
  });
});
