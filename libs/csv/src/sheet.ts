// A spreadsheet saved as CSV by an office: the first line names the columns, in Vietnamese or in
// English, with or without diacritics; "," or ";" (Excel's export where the decimal separator is a
// comma); dates as dd/mm/yyyy. Each service says which columns it reads and under which names.
import { csvLines, splitCsvLine } from './csv.ts';

/** A label as people type it, folded: no diacritics, đ as d, lower case, words split by one space. */
export const foldLabel = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Excel saves with ';' where the decimal separator is a comma: the header line tells which. */
export function separatorOf(headerLine: string): ';' | ',' {
  const count = (c: string) => headerLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** One data line: its number as an editor shows it, its text, and its cells by column. */
export interface SheetRow<Column extends string> {
  readonly line: number;
  readonly raw: string;
  /** The cell's text, trimmed and NFC-normalised; '' when the column is absent or the cell empty. */
  readonly cell: (column: Column) => string;
}

/**
 * Reads the header (by any of the folded names each column is given) and the non-empty lines.
 * `required` lists column groups of which at least one column must be present.
 */
export function readSheet<Column extends string>(
  text: string,
  columns: Readonly<Record<Column, readonly string[]>>,
  required: readonly (readonly Column[])[],
): { rows: SheetRow<Column>[] } | { problem: string } {
  const lines = csvLines(text);
  const headerLine = lines[0] ?? '';
  const separator = separatorOf(headerLine);
  const index = columnIndex(splitCsvLine(headerLine, separator).map(foldLabel), columns);
  const missing = required.filter((group) => !group.some((c) => index.has(c)));
  if (missing.length > 0) {
    const names = missing.map((group) => group.map((c) => columns[c][0]).join(' or '));
    return { problem: `Missing column(s): ${names.join(', ')} (the first line must name the columns).` };
  }
  const rows: SheetRow<Column>[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const cells = splitCsvLine(raw, separator);
    const cell = (c: Column): string => {
      const at = index.get(c);
      return at === undefined ? '' : (cells[at] ?? '').trim().normalize('NFC');
    };
    rows.push({ line: i + 2, raw, cell });
  });
  return { rows };
}

function columnIndex<Column extends string>(
  header: readonly string[],
  columns: Readonly<Record<Column, readonly string[]>>,
): Map<Column, number> {
  const index = new Map<Column, number>();
  for (const column of Object.keys(columns) as Column[]) {
    const at = header.findIndex((h) => columns[column].includes(h));
    if (at >= 0) index.set(column, at);
  }
  return index;
}

/** dd/mm/yyyy [HH:mm[:ss]] is read in Vietnam's time (UTC+7); anything else passes through. */
export function vietnameseInstant(value: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const [, d = '', mo = '', y = '', h = '0', mi = '0', s = '0'] = m;
  const two = (n: string) => n.padStart(2, '0');
  return `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}+07:00`;
}

/** dd/mm/yyyy (or d/m/yyyy, with '.' or '-') as YYYY-MM-DD; anything else passes through. */
export function vietnameseDate(value: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!m) return value;
  const [, d = '', mo = '', y = ''] = m;
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}
