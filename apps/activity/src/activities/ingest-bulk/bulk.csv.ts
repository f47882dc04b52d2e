// The spreadsheet a commune officer fills in, saved as CSV: Vietnamese column names (or English
// ones), "," or ";" (Excel's export where the decimal separator is a comma), a BOM or not, dates as
// dd/mm/yyyy [HH:mm] in Vietnam's time or ISO 8601, kinds as codes or their Vietnamese labels.
import { activityKinds } from '@nhip/contracts';
import { csvLines, splitCsvLine } from '@nhip/csv';
import { deterministicUuid } from '@nhip/event-sourcing';
import { reportFromJson } from '../activity-report.request.ts';
import type { BulkLine } from './bulk-line.ts';

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Column → the names people give it, folded (no diacritics, lower case). */
const columns = {
  activityId: ['ma bao cao', 'activity id', 'activityid'],
  teamId: ['ma to', 'team id', 'teamid'],
  memberId: ['ma thanh vien', 'member id', 'memberid'],
  placeCode: ['noi thuc hien', 'ma thon', 'ma dia ban', 'place code', 'placecode'],
  kind: ['loai hoat dong', 'kind'],
  residentsHelped: [
    'so nguoi dan duoc ho tro',
    'so nguoi duoc ho tro',
    'so nguoi',
    'residents helped',
    'residentshelped',
  ],
  occurredAt: ['thoi gian', 'ngay thuc hien', 'occurred at', 'occurredat'],
  campaignId: ['ma chien dich', 'campaign id', 'campaignid'],
} as const;
type Column = keyof typeof columns;
const required: readonly Column[] = ['teamId', 'placeCode', 'kind', 'residentsHelped', 'occurredAt'];

const kindByLabel = new Map(
  Object.entries(activityKinds).flatMap(([code, label]) => [
    [fold(label), code],
    [fold(code), code],
  ]),
);

export function parseCsv(text: string): BulkLine[] | { problem: string } {
  const rows = csvLines(text);
  const headerLine = rows[0] ?? '';
  const separator = separatorOf(headerLine);
  const index = columnIndex(splitCsvLine(headerLine, separator).map(fold));
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return {
      problem: `Missing column(s): ${missing.map((c) => columns[c][0]).join(', ')} (the first line must name the columns).`,
    };
  }
  const lines: BulkLine[] = [];
  rows.slice(1).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const cells = splitCsvLine(raw, separator);
    const cell = (c: Column): string =>
      index.has(c) ? (cells[index.get(c) ?? -1] ?? '').trim().normalize('NFC') : '';
    lines.push({ line: i + 2, check: reportFromJson(toJson(cell, raw)) });
  });
  return lines;
}

/** Excel saves with ';' where the decimal separator is a comma: the header line tells which. */
function separatorOf(headerLine: string): ';' | ',' {
  const count = (c: string) => headerLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Which cell holds which column, by any of the names people give it. */
function columnIndex(header: readonly string[]): Map<Column, number> {
  const index = new Map<Column, number>();
  for (const column of Object.keys(columns) as Column[]) {
    const at = header.findIndex((h) => (columns[column] as readonly string[]).includes(h));
    if (at >= 0) index.set(column, at);
  }
  return index;
}

function toJson(cell: (c: Column) => string, raw: string): Record<string, unknown> {
  const residents = cell('residentsHelped');
  return {
    // No report id in the sheet: the row's content is its identity, so uploading the same sheet
    // twice counts nothing twice (two identical rows need ids to count as two).
    activityId: cell('activityId') || deterministicUuid(`csv/${raw.trim().normalize('NFC')}`),
    teamId: cell('teamId'),
    memberId: cell('memberId') || null,
    placeCode: cell('placeCode'),
    kind: kindByLabel.get(fold(cell('kind'))) ?? cell('kind'),
    residentsHelped: /^\d+$/.test(residents) ? Number(residents) : residents,
    occurredAt: isoInstant(cell('occurredAt')),
    campaignId: cell('campaignId') || null,
  };
}

/** dd/mm/yyyy [HH:mm[:ss]] is read in Vietnam's time (UTC+7); ISO 8601 passes through. */
export function isoInstant(value: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const [, d = '', mo = '', y = '', h = '0', mi = '0', s = '0'] = m;
  const two = (n: string) => n.padStart(2, '0');
  return `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}+07:00`;
}
