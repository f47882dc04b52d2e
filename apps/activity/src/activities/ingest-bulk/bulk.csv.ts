// The spreadsheet a commune officer fills in, saved as CSV: Vietnamese column names (or English
// ones), "," or ";" (Excel's export where the decimal separator is a comma), a BOM or not, dates as
// dd/mm/yyyy [HH:mm] in Vietnam's time or ISO 8601, kinds as codes or their Vietnamese labels.
import { activityKinds } from '@nhip/contracts';
import { foldLabel as fold, readSheet, vietnameseInstant } from '@nhip/csv';
import { deterministicUuid } from '@nhip/event-sourcing';
import { reportFromJson } from '../activity-report.request.ts';
import { LazyLine, type BulkLine } from './bulk-line.ts';

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
  const sheet = readSheet(
    text,
    columns,
    required.map((c) => [c]),
  );
  if ('problem' in sheet) return sheet;
  return sheet.rows.map((row) => new LazyLine(row.line, row, judgeRow));
}

const judgeRow = ({ cell, raw }: { cell: (c: Column) => string; raw: string }) =>
  reportFromJson(toJson(cell, raw));

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
export const isoInstant = vietnameseInstant;
