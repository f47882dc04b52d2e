// The stream's snapshot cache: one build serves every caller of a scope while nothing changed, but a
// snapshot built with a refusal in it (blank figures the KPI service refused its first caller) is
// served to that caller only, and the next caller gets a build of their own.
import { describe, expect, it } from '@jest/globals';
import { SnapshotCache, type BuiltSnapshot } from './snapshot-cache.ts';

function builder(answers: BuiltSnapshot[]) {
  let builds = 0;
  const build = () => {
    const answer = answers[builds++];
    return answer ? Promise.resolve(answer) : Promise.reject(new Error('KPI service unavailable'));
  };
  return { build, builds: () => builds };
}

describe('the snapshot cache', () => {
  it('builds once for callers of one scope while no change came in', async () => {
    const cache = new SnapshotCache();
    const { build, builds } = builder([{ summary: { value: 1 }, shareable: true }]);
    expect(await cache.text('66|2026', 7, build)).toBe('{"value":1}');
    expect(await cache.text('66|2026', 7, build)).toBe('{"value":1}');
    expect(builds()).toBe(1);
  });

  it('builds again after a change', async () => {
    const cache = new SnapshotCache();
    const { build, builds } = builder([
      { summary: { value: 1 }, shareable: true },
      { summary: { value: 2 }, shareable: true },
    ]);
    await cache.text('66|2026', 7, build);
    expect(await cache.text('66|2026', 8, build)).toBe('{"value":2}');
    expect(builds()).toBe(2);
  });

  it('does not give the next caller a snapshot with a refusal in it', async () => {
    const cache = new SnapshotCache();
    const { build, builds } = builder([
      { summary: { value: null }, shareable: false },
      { summary: { value: 1 }, shareable: true },
    ]);
    expect(await cache.text('66|2026', 7, build)).toBe('{"value":null}');
    expect(await cache.text('66|2026', 7, build)).toBe('{"value":1}');
    expect(builds()).toBe(2);
  });

  it('builds again after a failed build', async () => {
    const cache = new SnapshotCache();
    const { build, builds } = builder([]);
    await expect(cache.text('66|2026', 7, build)).rejects.toThrow('KPI service unavailable');
    await expect(cache.text('66|2026', 7, build)).rejects.toThrow('KPI service unavailable');
    expect(builds()).toBe(2);
  });
});

describe('callers arriving while a build is out', () => {
  it('share the build once it turns out shareable', async () => {
    const cache = new SnapshotCache();
    const { build, builds } = builder([{ summary: { value: 1 }, shareable: true }]);
    const texts = await Promise.all([cache.text('66|2026', 7, build), cache.text('66|2026', 7, build)]);
    expect(texts).toEqual(['{"value":1}', '{"value":1}']);
    expect(builds()).toBe(1);
  });

  it('build their own when the first one has a refusal in it', async () => {
    const cache = new SnapshotCache();
    const { build, builds } = builder([
      { summary: { value: null }, shareable: false },
      { summary: { value: 1 }, shareable: true },
    ]);
    const texts = await Promise.all([cache.text('66|2026', 7, build), cache.text('66|2026', 7, build)]);
    expect(texts).toEqual(['{"value":null}', '{"value":1}']);
    expect(builds()).toBe(2);
  });
});
