// The trace file's lines, for tests that follow one trace across processes. Apart from
// file-exporter.ts, which services load only when NHIP_TRACE_FILE is set, so that importing
// @nhip/telemetry does not load @opentelemetry/core (and its semantic conventions, ~1 MB of heap).
import fs from 'node:fs';

/** One finished span as the file holds it. */
export interface SpanLine {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly name: string;
  /** SpanKind: 0 internal, 1 server, 2 client, 3 producer, 4 consumer. */
  readonly kind: number;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** Every span in a file written by FileSpanExporter. */
export function readSpanLines(file: string): SpanLine[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as SpanLine);
}
