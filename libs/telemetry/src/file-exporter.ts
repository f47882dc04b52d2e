// Finished spans as JSON lines in a file: what a test reads to follow one trace across processes
// (each service appends to the same file; a line is one write, so lines never interleave).
import fs from 'node:fs';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';
import type { SpanLine } from './span-lines.ts';

export class FileSpanExporter implements SpanExporter {
  readonly #file: string;
  readonly #service: string;

  constructor(file: string, service: string) {
    this.#file = file;
    this.#service = service;
  }

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    const text = spans.map((span) => JSON.stringify(this.#line(span)) + '\n').join('');
    fs.appendFile(this.#file, text, (error) =>
      done(error ? { code: ExportResultCode.FAILED, error } : { code: ExportResultCode.SUCCESS }),
    );
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  #line(span: ReadableSpan): SpanLine {
    const context = span.spanContext();
    return {
      service: this.#service,
      traceId: context.traceId,
      spanId: context.spanId,
      parentSpanId: span.parentSpanContext?.spanId,
      name: span.name,
      kind: span.kind,
      attributes: span.attributes,
    };
  }
}
