// A completion list as an online course platform exports it and an office saves it: a BOM or not,
// ";" or ",", Vietnamese or English column names, dates as dd/mm/yyyy. Each line names a member by
// id or by phone number; a name column, if any, is never read. Pure: phones are looked up later.
import { calendarDayPattern, normalisePhone, unitCodePattern } from '@nhip/contracts';
import { readSheet, vietnameseDate, type SheetRow } from '@nhip/csv';
import type { FieldProblem } from '../record-attendance/index.ts';

/** Column → the names people give it, folded (no diacritics, lower case). */
const columns = {
  memberId: ['ma thanh vien', 'member id', 'memberid', 'member_id'],
  phone: ['so dien thoai', 'dien thoai', 'sdt', 'so dt', 'phone', 'phone number', 'mobile'],
  bridgePoint: ['diem cau', 'ma diem cau', 'bridge point', 'bridgepoint'],
  completedOn: [
    'ngay hoan thanh',
    'ngay hoan thanh khoa hoc',
    'completed on',
    'completion date',
    'completed',
  ],
} as const;
type Column = keyof typeof columns;

/** Who a line names: a member id, or a phone number (0…) the registry will be asked about. */
export type CompletionLine =
  | {
      readonly line: number;
      readonly ok: true;
      readonly who: { readonly memberId: string } | { readonly phone: string };
      readonly bridgePoint: string | null;
      readonly completedOn: string | null;
    }
  | { readonly line: number; readonly ok: false; readonly errors: readonly FieldProblem[] };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function parseCompletionList(text: string): CompletionLine[] | { problem: string } {
  const sheet = readSheet<Column>(text, columns, [['memberId', 'phone']]);
  if ('problem' in sheet) return sheet;
  return sheet.rows.map(judgeRow);
}

function judgeRow({ line, cell }: SheetRow<Column>): CompletionLine {
  const errors: FieldProblem[] = [];
  const who = whoOf(cell('memberId'), cell('phone'), errors);
  const bridgePoint = cell('bridgePoint') || null;
  if (bridgePoint !== null && !unitCodePattern.test(bridgePoint))
    errors.push({ field: 'bridgePoint', reason: 'not a unit code (e.g. 24172)' });
  const completedOn = dateOf(cell('completedOn'), errors);
  if (!who || errors.length > 0) return { line, ok: false, errors };
  return { line, ok: true, who, bridgePoint, completedOn };
}

function whoOf(memberId: string, phone: string, errors: FieldProblem[]) {
  if (memberId !== '') {
    if (uuid.test(memberId)) return { memberId: memberId.toLowerCase() };
    errors.push({ field: 'memberId', reason: 'not a member id (a UUID)' });
    return undefined;
  }
  if (phone === '') {
    errors.push({ field: 'memberId', reason: 'give a member id or a phone number' });
    return undefined;
  }
  const normalised = normalisePhone(phone);
  if (normalised) return { phone: normalised };
  errors.push({ field: 'phone', reason: 'not a Vietnamese phone number (0xxxxxxxxx or +84xxxxxxxxx)' });
  return undefined;
}

function dateOf(value: string, errors: FieldProblem[]): string | null {
  if (value === '') return null;
  const day = vietnameseDate(value);
  const parsed = new Date(`${day}T00:00:00Z`);
  if (calendarDayPattern.test(day) && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day))
    return day;
  errors.push({ field: 'completedOn', reason: 'not a date (dd/mm/yyyy)' });
  return null;
}
