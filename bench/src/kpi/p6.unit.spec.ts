import { describe, expect, it } from '@jest/globals';
import { p6Figures, type Timings } from './p6.ts';

// p50s: ours over HTTP 5 ms (the whole catalog 10), its read 2 ms, naive 300 ms, DuckDB 30 ms.
const timings: Timings = {
  ours: [4, 5, 6],
  ours_all: [9, 10, 11],
  ours_query: [1, 2, 3],
  naive: [200, 300, 400],
  duckdb: [20, 30, 40],
};

describe("P6's figures (ADR 0040)", () => {
  it('holds both the read on the peers’ path and the HTTP answer to the bars', () => {
    const { ratios } = p6Figures(timings);
    expect(ratios['drilldown_query_vs_naive']).toEqual({
      value: 150,
      bar: 100,
      higherIsBetter: true,
      pass: true,
    });
    expect(ratios['drilldown_query_vs_duckdb']).toEqual({
      value: 15,
      bar: 10,
      higherIsBetter: true,
      pass: true,
    });
    expect(ratios['drilldown_vs_naive']).toEqual({ value: 60, bar: 100, higherIsBetter: true, pass: false });
    expect(ratios['drilldown_vs_duckdb']).toEqual({ value: 6, bar: 10, higherIsBetter: true, pass: false });
  });

  it('reports the whole catalog over HTTP beside them, held to no bar', () => {
    expect(p6Figures(timings).ratios['drilldown_all_indicators_vs_naive']).toEqual({
      value: 30,
      bar: null,
      higherIsBetter: true,
      pass: null,
    });
  });

  it('writes every system’s p50 and p99, the HTTP ones under their old names', () => {
    const { metrics, line } = p6Figures({ ...timings, ours_query: [3, 4, 5] });
    expect(metrics['ours.drilldown_p50_ms']).toBe(5);
    expect(metrics['ours_all.drilldown_p50_ms']).toBe(10);
    expect(metrics['ours_query.drilldown_p50_ms']).toBe(4);
    expect(metrics['naive.drilldown_p99_ms']).toBeGreaterThan(300);
    expect(Object.keys(metrics)).toHaveLength(10);
    expect(p6Figures({ ...timings, ours_query: [3, 4, 5] }).ratios['drilldown_query_vs_naive']?.pass).toBe(
      false,
    );
    expect(line).toContain("ours' read on the peers' path 4 ms");
  });
});
