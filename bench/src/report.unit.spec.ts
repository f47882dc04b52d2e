import { describe, expect, it } from '@jest/globals';
import { formatRatios, ratio, reported } from './report.ts';

describe('benchmark ratios', () => {
  it('pass at the bar in the direction the bar points', () => {
    expect(ratio(0.5, 0.5).pass).toBe(true);
    expect(ratio(0.49, 0.5).pass).toBe(false);
    expect(ratio(2, 2, false).pass).toBe(true);
    expect(ratio(2.01, 2, false).pass).toBe(false);
  });

  it('judge the unrounded value, and show it rounded to two places', () => {
    const r = ratio(0.2996, 0.3);
    expect(r).toEqual({ value: 0.3, bar: 0.3, higherIsBetter: true, pass: false });
  });

  it('report a figure without a bar as neither passing nor failing', () => {
    expect(reported(15211.4, 0)).toEqual({ value: 15211, bar: null, higherIsBetter: true, pass: null });
  });

  it('print a mark, the value and the bar, or that it is only reported', () => {
    const text = formatRatios({
      ingest_vs_floor: ratio(0.61, 0.5),
      command_p99_vs_raw: ratio(2.5, 2, false),
      ingest_vs_raw: reported(0.09),
    });
    expect(text.split('\n')).toEqual([
      expect.stringMatching(/^ {2}✔ ingest_vs_floor +0\.61 {2}\(bar ≥ 0\.5\)$/),
      expect.stringMatching(/^ {2}✖ command_p99_vs_raw +2\.50 {2}\(bar ≤ 2\)$/),
      expect.stringMatching(/^ {2}· ingest_vs_raw +0\.09 {2}\(reported\)$/),
    ]);
  });
});
