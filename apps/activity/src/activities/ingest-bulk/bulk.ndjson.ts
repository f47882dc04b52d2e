// NDJSON from field apps syncing after being offline: one report per line, as the single endpoint.
import { reportFromJson } from '../activity-report.request.ts';
import type { BulkLine } from './bulk-line.ts';

export function parseNdjson(text: string): BulkLine[] {
  const lines: BulkLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      lines.push({
        line: i + 1,
        check: { ok: false, problems: [{ field: 'line', reason: 'not valid JSON' }] },
      });
      return;
    }
    lines.push({ line: i + 1, check: reportFromJson(value) });
  });
  return lines;
}
