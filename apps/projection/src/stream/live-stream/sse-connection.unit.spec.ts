// A stream whose socket stops draining: newer values replace older ones of the same unit, indicator
// and period until it drains, then go out oldest first; past the bound it is told it was too slow.
// The socket is a stand-in whose buffer fills on command; everything else is the real class.
import { describe, expect, it } from '@jest/globals';
import { slowStream } from '../../fixtures/slow-socket.ts';
import type { ChangeRecord } from './change-log.queries.ts';
import { frameOf } from './sse-connection.ts';

const change = (seq: number, unitCode: string, indicatorId = 'vneid_vs_target'): ChangeRecord => ({
  seq,
  unitCode,
  period: '2025',
  path: ['66', unitCode],
  data: { indicatorId, unitCode, value: seq },
  eventAt: null,
  targetMoved: null,
});

function open(maxCoalesced = 10) {
  const { socket, stream } = slowStream(maxCoalesced);
  return { socket, stream, ids: () => socket.ids() };
}

describe('a slow stream', () => {
  it('holds live changes while catching up, then sends only the newer ones', () => {
    const { stream, ids } = open();
    stream.offer(frameOf(change(3, '24175')));
    stream.offer(frameOf(change(5, '24343')));
    stream.replay(frameOf(change(3, '24175'))); // replayed from the log
    stream.goLive(3);
    expect(ids()).toEqual([3, 5]);
  });

  it('coalesces values of one unit and indicator while the socket is full, and sends them in order on drain', () => {
    const { socket, stream, ids } = open();
    stream.goLive(0);
    socket.full = true;
    stream.offer(frameOf(change(1, '24175')));
    socket.full = false;
    stream.offer(frameOf(change(2, '24343')));
    stream.offer(frameOf(change(3, '24175')));
    stream.offer(frameOf(change(4, '24175', 'members_trained')));
    stream.offer(frameOf(change(5, '24343')));
    expect(ids()).toEqual([1]);
    socket.emit('drain');
    // 2 was replaced by 5 (same unit and indicator), 1's successor 3 kept; each once, oldest first.
    expect(ids()).toEqual([1, 3, 4, 5]);
    stream.offer(frameOf(change(6, '24175')));
    expect(ids()).toEqual([1, 3, 4, 5, 6]);
  });

  it('is told it was too slow and closed once too many distinct values wait', () => {
    const { socket, stream } = open(2);
    stream.goLive(0);
    socket.full = true;
    stream.offer(frameOf(change(1, '24175')));
    for (const [seq, unit] of [
      [2, 'a'],
      [3, 'b'],
      [4, 'c'],
    ] as const)
      stream.offer(frameOf(change(seq, unit)));
    expect(socket.ended).toBe(`event: end\ndata: ${JSON.stringify({ reason: 'too-slow' })}\n\n`);
    expect(stream.ended).toBe(true);
  });

  it('carries only changes of its period whose path holds one of its roots', () => {
    const { stream } = open();
    expect(stream.carries(change(1, '24175'))).toBe(true);
    expect(stream.carries({ ...change(2, '24175'), path: ['48', '491'] })).toBe(false);
    expect(stream.carries({ ...change(3, '24175'), period: '2025-07' })).toBe(false);
  });

  it('writes what it carries of a read of the log together, in order, skipping what it has or does not carry', () => {
    const { socket, stream, ids } = open();
    stream.goLive(2);
    const outside = { ...change(4, '22240'), path: ['54', '22240'] };
    stream.offerAll([2, 3].map((seq) => frameOf(change(seq, '24175'))));
    stream.offerAll([frameOf(outside), frameOf(change(5, '24343')), frameOf(change(6, '24175'))]);
    expect(ids()).toEqual([3, 5, 6]);
    expect(socket.written).toHaveLength(2);
  });

  it('splits a long read into writes of about the socket’s mark, coalescing the rest once it is full', () => {
    const { socket, stream, ids } = open(1000);
    stream.goLive(0);
    const frames = Array.from({ length: 400 }, (_, i) => frameOf(change(i + 1, `u${i % 100}`)));
    stream.offerAll(frames);
    expect(ids()).toEqual(frames.map((f) => f.change.seq));
    expect(socket.written.length).toBeGreaterThan(1);
    expect(Math.max(...socket.written.map((w) => w.length))).toBeLessThan(17 * 1024);

    const more = Array.from({ length: 400 }, (_, i) => frameOf(change(i + 401, `u${i % 100}`)));
    socket.full = true;
    stream.offerAll(more);
    const sent = ids().length;
    expect(sent).toBeLessThan(800);
    socket.full = false;
    socket.emit('drain');
    // What waited after the first group went out once per unit, its newest value (700 + 1..100).
    expect(ids().slice(sent)).toEqual(more.slice(-100).map((f) => f.change.seq));
  });

  it('holds a read of the log while catching up, like single changes', () => {
    const { stream, ids } = open();
    stream.offerAll([frameOf(change(3, '24175')), frameOf(change(4, '24343'))]);
    expect(ids()).toEqual([]);
    stream.goLive(3);
    expect(ids()).toEqual([4]);
  });
});

describe('a year to date’s stream', () => {
  it('carries its year’s changes only when they move the target, and rows from before that was recorded', () => {
    const { socket, stream: halfYear } = slowStream(10, {
      roots: new Set(['66']),
      periods: new Set(['2025', '2025-Q1', '2025-Q2']),
      targetOnly: '2025',
    });
    halfYear.goLive(0);
    const year = (seq: number, targetMoved: boolean | null) => ({ ...change(seq, '24175'), targetMoved });
    halfYear.offerAll(
      [
        year(1, true),
        year(2, false),
        year(3, null),
        { ...change(4, '24175'), period: '2025-Q2', targetMoved: false },
      ].map(frameOf),
    );
    expect(socket.ids()).toEqual([1, 3, 4]);
  });
});
