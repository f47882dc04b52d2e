// Reads an official administrative-unit list (`code,name,type,level,parent_code`, GSO codes) into
// rows, or into every problem found, each with its line, field and reason. A list with any problem
// is refused whole: importing half a tree would leave orphans.
import { officialUnitCodePattern } from '@nhip/contracts';
import { splitCsvLine } from '@nhip/csv';
import { linesOfFile, notUtf8, type ListProblem } from '../csv-file.ts';
import type { UnitRow } from '../unit-tree.ts';

export type ParsedList =
  | { readonly ok: true; readonly units: readonly UnitRow[] }
  | { readonly ok: false; readonly problems: readonly ListProblem[] };

const columns = ['code', 'name', 'type', 'level', 'parent_code'] as const;
const maxProblems = 100;

export function parseUnitList(bytes: Uint8Array): ParsedList {
  const lines = linesOfFile(bytes);
  if (lines === undefined) return refuse([notUtf8]);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    return refuse([
      {
        line: 1,
        field: missing.join(', '),
        reason: `Missing column(s): the header must name ${columns.join(',')}.`,
      },
    ]);
  }
  const index = Object.fromEntries(columns.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof columns)[number],
    number
  >;
  const units: UnitRow[] = [];
  const problems: ListProblem[] = [];
  const seen = new Map<string, UnitRow>();
  lines.slice(1).forEach((raw, i) => {
    if (raw.trim() === '' || problems.length >= maxProblems) return;
    const line = i + 2;
    const cells = splitCsvLine(raw);
    const cell = (c: (typeof columns)[number]): string => (cells[index[c]] ?? '').trim().normalize('NFC');
    const row = {
      code: cell('code'),
      name: cell('name'),
      type: cell('type'),
      level: Number(cell('level')),
      parentCode: cell('parent_code') || null,
    };
    const found = checkRow(row, cell('level'), seen);
    if (found.length > 0) problems.push(...found.map((p) => ({ line, ...p })));
    else {
      units.push(row);
      seen.set(row.code, row);
    }
  });
  if (problems.length > 0) return refuse(problems);
  if (units.length === 0) return refuse([{ line: 0, field: 'file', reason: 'The list has no units.' }]);
  return { ok: true, units };
}

function checkRow(row: UnitRow, rawLevel: string, seen: Map<string, UnitRow>): Omit<ListProblem, 'line'>[] {
  const problems: Omit<ListProblem, 'line'>[] = [];
  if (!officialUnitCodePattern.test(row.code))
    problems.push({
      field: 'code',
      reason: `"${row.code}" is not an official code (2 to 5 digits, zero-padded).`,
    });
  else if (seen.has(row.code)) problems.push({ field: 'code', reason: `Code ${row.code} appears twice.` });
  if (row.name === '' || row.name.length > 200)
    problems.push({ field: 'name', reason: 'The name must have 1 to 200 characters.' });
  if (row.type === '')
    problems.push({ field: 'type', reason: 'The unit type (Tỉnh, Huyện, Xã, Phường…) is missing.' });
  if (!/^[1-9]$/.test(rawLevel))
    problems.push({ field: 'level', reason: `"${rawLevel}" is not a level (1 for a province, then 2, 3…).` });
  else problems.push(...checkParent(row, seen));
  return problems;
}

function checkParent(row: UnitRow, seen: Map<string, UnitRow>): Omit<ListProblem, 'line'>[] {
  if (row.level === 1) {
    return row.parentCode === null
      ? []
      : [{ field: 'parent_code', reason: 'A level-1 unit (province) has no parent.' }];
  }
  if (row.parentCode === null)
    return [{ field: 'parent_code', reason: `A level-${row.level} unit needs its parent's code.` }];
  const parent = seen.get(row.parentCode);
  if (!parent)
    return [
      {
        field: 'parent_code',
        reason: `Parent ${row.parentCode} is not listed above this line (parents come before their children).`,
      },
    ];
  if (parent.level !== row.level - 1) {
    return [
      {
        field: 'level',
        reason: `Level ${row.level} under parent ${parent.code} of level ${parent.level}: a unit sits exactly one level below its parent.`,
      },
    ];
  }
  return [];
}

function refuse(problems: ListProblem[]): ParsedList {
  return { ok: false, problems };
}
