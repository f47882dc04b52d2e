// PostgreSQL's COPY text format, built ahead of time so a COPY peer pays only for the load itself.
// https://www.postgresql.org/docs/current/sql-copy.html: tab-separated columns, one row per line,
// \N for NULL, and backslash escapes for the characters that would break a row apart.

export type CopyValue = string | number | null;

const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => escapes[c] ?? c);
}

export function copyLine(values: readonly CopyValue[]): string {
  return `${values.map(copyField).join('\t')}\n`;
}

/** Rows as COPY text in chunks of about `chunkBytes`, each ready to be written to the stream. */
export function copyChunks(rows: readonly (readonly CopyValue[])[], chunkBytes = 1 << 20): Buffer[] {
  const chunks: Buffer[] = [];
  let lines: string[] = [];
  let size = 0;
  for (const row of rows) {
    const line = copyLine(row);
    lines.push(line);
    size += line.length;
    if (size >= chunkBytes) {
      chunks.push(Buffer.from(lines.join('')));
      lines = [];
      size = 0;
    }
  }
  if (lines.length > 0) chunks.push(Buffer.from(lines.join('')));
  return chunks;
}

/** The columns of es_events a writer supplies; the rest are the table's defaults. */
export const eventColumns = [
  'stream_id',
  'stream_version',
  'event_id',
  'event_type',
  'schema_version',
  'data',
  'metadata',
] as const;

/** The columns of es_outbox a writer supplies. */
export const outboxColumns = [
  'message_id',
  'topic',
  'message_key',
  'type',
  'source',
  'subject',
  'occurred_at',
  'data',
  'traceparent',
] as const;
