// What the unit list and the lineage mapping share as files: UTF-8 lines, and problems reported
// with their line, field and reason.
import { csvLines, decodeUtf8 } from '@nhip/csv';

export interface ListProblem {
  /** 1-based line in the file; 0 for the file as a whole. */
  readonly line: number;
  readonly field: string;
  readonly reason: string;
}

export const notUtf8: ListProblem = {
  line: 0,
  field: 'file',
  reason: 'The file is not valid UTF-8: save it as "CSV UTF-8".',
};

/** The file's lines, BOM and CRLF tolerated; undefined when the bytes are not UTF-8. */
export function linesOfFile(bytes: Uint8Array): string[] | undefined {
  const text = decodeUtf8(bytes);
  return text === undefined ? undefined : csvLines(text);
}
