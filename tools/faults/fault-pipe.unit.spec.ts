import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { dueAt, type DirectionFaults } from './fault-pipe.ts';

const faults = (latencyMs: number, jitterMs: number): DirectionFaults => ({
  latencyMs,
  jitterMs,
  blackholed: false,
});

describe('when a delayed chunk may leave', () => {
  it('leaves at once without latency', () => {
    expect(dueAt(1000, 0, faults(0, 0), 0.7)).toBe(1000);
  });

  it('leaves the configured latency later without jitter, whatever the draw', () => {
    expect(dueAt(1000, 0, faults(150, 0), 0)).toBe(1150);
    expect(dueAt(1000, 0, faults(150, 0), 0.999)).toBe(1150);
  });

  it('spreads jitter evenly to both sides of the latency', () => {
    expect(dueAt(1000, 0, faults(100, 40), 0)).toBe(1060);
    expect(dueAt(1000, 0, faults(100, 40), 0.5)).toBe(1100);
    expect(dueAt(1000, 0, faults(100, 40), 0.75)).toBe(1120);
  });

  it('never schedules a chunk before its arrival, even when jitter exceeds the latency', () => {
    expect(dueAt(1000, 0, faults(10, 50), 0)).toBe(1000);
  });

  it('never lets a chunk overtake the one ahead of it', () => {
    expect(dueAt(1000, 1180, faults(100, 50), 0)).toBe(1180);
  });

  it('stays within latency ± jitter of its arrival unless held behind an earlier chunk', () => {
    fc.assert(
      fc.property(
        fc.record({
          now: fc.double({ min: 0, max: 1e9, noNaN: true }),
          previous: fc.double({ min: 0, max: 1e9, noNaN: true }),
          latency: fc.nat(10_000),
          jitter: fc.nat(10_000),
          draw: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        }),
        ({ now, previous, latency, jitter, draw }) => {
          const at = dueAt(now, previous, faults(latency, jitter), draw);
          expect(at).toBeGreaterThanOrEqual(previous);
          expect(at).toBeGreaterThanOrEqual(now + Math.max(0, latency - jitter));
          expect(at).toBeLessThanOrEqual(Math.max(previous, now + latency + jitter));
        },
      ),
    );
  });
});
