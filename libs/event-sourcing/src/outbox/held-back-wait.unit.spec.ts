import { describe, expect, it } from '@jest/globals';
import { nextHeldBackWait } from './held-back-wait.ts';

const options = { heldBackRetryMs: 5, pollIntervalMs: 1000 };

describe('how soon a relay looks again at rows held back behind another transaction', () => {
  it('waits for the next NOTIFY or poll when nothing is held back', () => {
    expect(nextHeldBackWait(false, 0, { ...options, previousMs: 40 })).toBeUndefined();
  });

  it('looks again soon after rows moved, or the first time rows are held back', () => {
    expect(nextHeldBackWait(true, 0, { ...options, previousMs: undefined })).toBe(5);
    expect(nextHeldBackWait(true, 3, { ...options, previousMs: 640 })).toBe(5);
  });

  it('doubles its wait while nothing moves, up to the poll interval', () => {
    const waits: number[] = [];
    let wait: number | undefined;
    for (let turn = 0; turn < 10; turn++)
      waits.push((wait = nextHeldBackWait(true, 0, { ...options, previousMs: wait }) ?? 0));
    expect(waits).toEqual([5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000]);
  });
});
