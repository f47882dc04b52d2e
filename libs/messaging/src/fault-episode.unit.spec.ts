import { describe, expect, it } from '@jest/globals';
import { brokerCheck, FaultEpisode } from './fault-episode.ts';

describe('FaultEpisode', () => {
  it('waits 0.5 s doubling to 5 s, and reports the first failure of an episode only', () => {
    const reports: string[] = [];
    const episode = new FaultEpisode({
      what: 'kafka consumer g',
      onError: (_e, context) => reports.push(context),
    });
    const waits = Array.from({ length: 9 }, () => episode.failed(new Error('Connection refused')));
    expect(waits).toEqual([500, 1000, 2000, 4000, 5000, 5000, 5000, 5000, 5000]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/kafka consumer g failed/);
  });

  it('says what fails while it fails, nothing after a success, and starts a new episode after', () => {
    const reports: unknown[] = [];
    const episode = new FaultEpisode({ what: 'outbox relay publishing', onError: (e) => reports.push(e) });
    expect(episode.problem()).toBeUndefined();
    episode.failed(new Error('Connection refused'));
    expect(episode.problem()).toMatch(/^outbox relay publishing failing since .*: Connection refused$/);
    episode.succeeded();
    expect(episode.problem()).toBeUndefined();
    expect(episode.failed(new Error('again'))).toBe(500);
    expect(reports).toHaveLength(2);
  });

  it('brokerCheck lists every part that has a problem, and nothing when none has', async () => {
    const consumer = { problem: (): string | undefined => 'kafka consumer g is joining its group' };
    const relay = { problem: (): string | undefined => undefined };
    const check = brokerCheck(consumer, relay);
    expect(check.name).toBe('broker');
    expect(await check.check()).toBe('kafka consumer g is joining its group');
    consumer.problem = () => undefined;
    expect(await check.check()).toBeUndefined();
  });
});
