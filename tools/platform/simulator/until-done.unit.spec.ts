import { describe, expect, it } from '@jest/globals';
import { Refused, untilDone, type Retrying } from './until-done.ts';

function recording(): Retrying & { waits: number[]; lines: string[] } {
  const waits: number[] = [];
  const lines: string[] = [];
  return {
    backoff: { initialMs: 1_000, maxMs: 4_000, resetAfterMs: Number.POSITIVE_INFINITY },
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    warn: (line) => lines.push(line),
    waits,
    lines,
  };
}

describe('a set-up step of the simulator', () => {
  it('is tried again, waiting longer each time up to the cap, until it succeeds', async () => {
    const retrying = recording();
    let calls = 0;
    const result = await untilDone(
      'statistics',
      () => {
        calls++;
        return calls < 5 ? Promise.reject(new Error('broker unreachable')) : Promise.resolve(1_030);
      },
      retrying,
    );
    expect(result).toBe(1_030);
    expect(retrying.waits).toEqual([1_000, 2_000, 4_000, 4_000]);
    expect(retrying.lines[0]).toBe('simulator: statistics failed (broker unreachable); trying again in 1 s');
    expect(retrying.lines).toHaveLength(4);
  });

  it('runs once and waits for nothing when the first attempt succeeds', async () => {
    const retrying = recording();
    expect(await untilDone('members', () => Promise.resolve('done'), retrying)).toBe('done');
    expect([retrying.waits, retrying.lines]).toEqual([[], []]);
  });

  it('is given up, with one line, when a service refuses it as it stands', async () => {
    const retrying = recording();
    let calls = 0;
    const result = await untilDone(
      'the campaign',
      () => {
        calls++;
        return Promise.reject(new Refused('campaign: 400 {"title":"Invalid request"}'));
      },
      retrying,
    );
    expect([result, calls, retrying.waits]).toEqual([undefined, 1, []]);
    expect(retrying.lines).toEqual([
      'simulator: the campaign was refused (campaign: 400 {"title":"Invalid request"}); not trying again',
    ]);
  });
});
