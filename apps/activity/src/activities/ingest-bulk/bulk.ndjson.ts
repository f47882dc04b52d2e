// NDJSON from field apps syncing after being offline: one report per line, as the single endpoint.
import { reportFromJson } from '../activity-report.request.ts';
import type { ShapeCheck } from '../activity-report.request.ts';
import { LazyLine, type BulkLine } from './bulk-line.ts';

export function parseNdjson(text: string): BulkLine[] {
  const lines: BulkLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() !== '') lines.push(new LazyLine(i + 1, raw, judge));
  });
  return lines;
}

function judge(raw: string): ShapeCheck {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, problems: [{ field: 'line', reason: 'not valid JSON' }] };
  }
  return reportFromJson(value);
}
