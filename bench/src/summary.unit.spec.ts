import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildReport, ratio, reported } from './report.ts';
import { summary, verdict } from './summary.ts';

function resultsWith(...reports: ReturnType<typeof buildReport>[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nhip-summary-'));
  for (const report of reports)
    fs.writeFileSync(path.join(dir, `${report.name}.json`), JSON.stringify(report));
  return dir;
}

describe('the summary of every bar', () => {
  it('says each figure against its bar, in its unit, and whether it holds', () => {
    expect(verdict('drilldown_vs_naive', ratio(84.556, 100))).toBe('84.56× (≥ 100×) ✖');
    expect(verdict('freshness_p99_ms', ratio(139.63, 500, false))).toBe('139.63 ms (≤ 500 ms) ✔');
    expect(verdict('stack_rss_mb', ratio(2290.72, 4096, false))).toBe('2,290.72 MB (≤ 4,096 MB) ✔');
    expect(verdict('ingest_per_s', reported(4233))).toBe('4,233×');
    expect(verdict('rebuild_vs_raw_read', undefined)).toBe('not in the results');
  });

  it('counts a bar as held only when every figure it asks for holds, and names what has not run', () => {
    const kpi = buildReport(
      'kpi',
      {},
      {},
      {
        drilldown_vs_naive: ratio(120, 100),
        drilldown_vs_duckdb: ratio(50, 10),
        rebuild_vs_raw_read: ratio(0.3, 0.6),
      },
    );
    const fanout = buildReport('fanout', {}, {}, { sse_vs_raw: ratio(0.83, 0.7) });
    const text = summary(resultsWith(kpi, fanout));
    expect(text).toContain('1 of 10 bars hold in the latest runs.');
    expect(text).toMatch(
      /\| P6 \| .* \| 120× \(≥ 100×\) ✔; 50× \(≥ 10×\) ✔ \| \[kpi\]\(kpi\.md\), \d{4}-\d\d-\d\d \|/,
    );
    expect(text).toMatch(/\| P7 \| .* \| 0\.3× \(≥ 0\.6×\) ✖ \|/);
    // A figure missing from the file is said, and the bar does not hold.
    expect(text).toMatch(/\| P8 \| .* \| 0\.83× \(≥ 0\.7×\) ✔; not in the results \|/);
    expect(text).toMatch(/\| P1 \| .* \| — \| kafka: not run yet \|/);
    expect(text).toContain('Fault suite (`npm run faults`): not run here yet.');
  });
});
