import { describe, expect, it } from '@jest/globals';
import { parseFrames } from './stream.ts';

describe('reading the stream as Server-Sent Events', () => {
  it('yields complete frames with their event, id and data, keeps the unfinished rest, skips heartbeats', () => {
    const frames: unknown[] = [];
    const rest = parseFrames(
      'event: snapshot\nid: 7\ndata: {"a":1}\n\n: hb\n\nevent: change\r\nid: 8\r\ndata: {"b":\r\ndata: 2}\r\n\r\nevent: cha',
      (f) => frames.push(f),
    );
    expect(frames).toEqual([
      { event: 'snapshot', id: '7', data: '{"a":1}' },
      { event: 'change', id: '8', data: '{"b":\n2}' },
    ]);
    expect(rest).toBe('event: cha');
  });
});
