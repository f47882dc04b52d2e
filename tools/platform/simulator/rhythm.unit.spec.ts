import { describe, expect, it } from '@jest/globals';
import { busyness, pickKind, simulatedReport, vietnamHour } from './rhythm.ts';

describe('the simulated province’s day', () => {
  it('is busy in office hours and quiet at night, Vietnam time', () => {
    expect(busyness(9)).toBe(1);
    expect(busyness(3)).toBeLessThan(busyness(12));
    expect(busyness(12)).toBeLessThan(busyness(15));
    expect(vietnamHour(new Date('2026-12-03T02:00:00Z'))).toBe(9);
  });

  it('reports VNeID most often, a late report now and then, never in the future', () => {
    let seed = 1;
    const draw = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const now = new Date('2026-12-03T03:00:00Z');
    const reports = Array.from({ length: 2000 }, () => simulatedReport(now, draw));
    const vneid = reports.filter((r) => r.kind === 'vneid_activation').length;
    const late = reports.filter((r) => Date.parse(r.occurredAt) < now.getTime() - 3_600_000).length;
    expect(vneid).toBeGreaterThan(reports.filter((r) => r.kind === 'heritage_qr').length * 3);
    expect(late).toBeGreaterThan(20);
    expect(late).toBeLessThan(250);
    expect(reports.every((r) => Date.parse(r.occurredAt) <= now.getTime() && r.residentsHelped >= 1)).toBe(
      true,
    );
    expect(pickKind(() => 0)).toBe('vneid_activation');
  });
});
