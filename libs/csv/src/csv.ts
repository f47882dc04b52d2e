// CSV as the registry's official lists and the communes' spreadsheets arrive: bytes that must be
// UTF-8 (Excel's "CSV UTF-8" adds a BOM), CRLF or LF lines, cells quoted with "" for a quote.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a UTF-8 file; undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Lines of CSV text without the BOM, CRLF or LF. (A quoted cell spanning lines is not supported.) */
export const csvLines = (text: string): string[] => text.replace(/^\uFEFF/, '').split(/\r?\n/);

/** One line's cells; `separator` is ',' or, where Excel writes decimal commas, ';'. */
export function splitCsvLine(line: string, separator = ','): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (ch === '"') {
      // Inside quotes, "" is one quote character; any other quote opens or closes the cell.
      if (quoted && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === separator && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
