// The verdicts of a bulk upload as JSON, written a slice at a time: the same text as
// JSON.stringify(result), without ever holding it whole (~85 bytes a line, 8.5 MB for 100,000
// lines, and as much again as bytes on the way out; docs/adr/0039).
import { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import type { BulkResult } from './ingest-bulk.handler.ts';

const slice = 1_000;

function* jsonOf({ summary, verdicts }: BulkResult): Generator<string> {
  yield `{"summary":${JSON.stringify(summary)},"verdicts":[`;
  let texts: string[] = [];
  let first = true;
  const flush = () => {
    const text = texts.join(',');
    texts = [];
    const separated = first ? text : `,${text}`;
    first = false;
    return separated;
  };
  for (const verdict of verdicts) {
    texts.push(JSON.stringify(verdict));
    if (texts.length === slice) yield flush();
  }
  if (texts.length > 0) yield flush();
  yield ']}';
}

export const bulkReply = (result: BulkResult): StreamableFile =>
  new StreamableFile(Readable.from(jsonOf(result)), { type: 'application/json; charset=utf-8' });
